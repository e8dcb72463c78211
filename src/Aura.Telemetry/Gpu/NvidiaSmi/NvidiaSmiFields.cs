using System.Collections.Immutable;

namespace Aura.Telemetry.Gpu.NvidiaSmi;

/// <summary>The <c>--query-gpu</c> fields Aura asks for, in column order, and the command lines that ask.</summary>
internal static class NvidiaSmiFields
{
    public const string Index = "index";
    public const string Name = "name";
    public const string Uuid = "uuid";
    public const string UtilizationGpu = "utilization.gpu";
    public const string UtilizationMemory = "utilization.memory";
    public const string UtilizationEncoder = "utilization.encoder";
    public const string UtilizationDecoder = "utilization.decoder";
    public const string MemoryTotal = "memory.total";
    public const string MemoryUsed = "memory.used";
    public const string MemoryFree = "memory.free";
    public const string Temperature = "temperature.gpu";
    public const string Fan = "fan.speed";
    public const string Power = "power.draw";
    public const string PowerLimit = "enforced.power.limit";
    public const string ClockGraphics = "clocks.gr";
    public const string ClockSm = "clocks.sm";
    public const string ClockMemory = "clocks.mem";
    public const string PerformanceState = "pstate";
    public const string ThrottleReasons = "clocks_throttle_reasons.active";
    public const string EccCorrected = "ecc.errors.corrected.volatile.total";
    public const string EccUncorrected = "ecc.errors.uncorrected.volatile.total";

    /// <summary>Every field, in the order the columns come back. Older drivers lack some (encoder and decoder use); those are dropped and asked again.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        Index, Name, Uuid, UtilizationGpu, UtilizationMemory, UtilizationEncoder, UtilizationDecoder,
        MemoryTotal, MemoryUsed, MemoryFree, Temperature, Fan, Power, PowerLimit,
        ClockGraphics, ClockSm, ClockMemory, PerformanceState, ThrottleReasons, EccCorrected, EccUncorrected,
    ];

    public static string[] GpuQuery(IEnumerable<string> fields) =>
        ["--query-gpu=" + string.Join(',', fields), "--format=csv,noheader,nounits"];

    /// <summary>The compute processes and their memory (MiB), one line each.</summary>
    public static string[] AppsQuery { get; } = ["--query-compute-apps=gpu_uuid,pid,used_memory", "--format=csv,noheader,nounits"];
}
