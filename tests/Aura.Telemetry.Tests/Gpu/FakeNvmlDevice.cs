using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>What one fake NVML device answers; a null reading answers NOT_SUPPORTED.</summary>
internal sealed class FakeNvmlDevice
{
    public NvmlReturn HandleStatus { get; set; } = NvmlReturn.Success;

    public string? Name { get; set; }

    public string? Uuid { get; set; }

    public uint? Gpu { get; set; }

    public uint? MemoryBusy { get; set; }

    public uint? Encoder { get; set; }

    public uint? Decoder { get; set; }

    public NvmlMemory? Memory { get; set; }

    public uint? Temperature { get; set; }

    public uint? Fan { get; set; }

    public uint? PowerMilliwatts { get; set; }

    public uint? PowerLimitMilliwatts { get; set; }

    public uint? GraphicsClock { get; set; }

    public uint? SmClock { get; set; }

    public uint? MemoryClock { get; set; }

    public int? PerformanceState { get; set; }

    public ulong? ThrottleReasons { get; set; }

    public ulong? EccCorrected { get; set; }

    public ulong? EccUncorrected { get; set; }

    public List<NvmlProcessInfo>? Compute { get; set; }

    public List<NvmlProcessInfo>? Graphics { get; set; }

    /// <summary>A busy A100 with every reading.</summary>
    public static FakeNvmlDevice A100() => new()
    {
        Name = "NVIDIA A100-SXM4-40GB",
        Uuid = "GPU-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
        Gpu = 87,
        MemoryBusy = 41,
        Encoder = 0,
        Decoder = 3,
        Memory = new NvmlMemory { Total = 42_949_672_960, Used = 21_474_836_480, Free = 21_474_836_480 },
        Temperature = 61,
        Fan = null,
        PowerMilliwatts = 243_120,
        PowerLimitMilliwatts = 400_000,
        GraphicsClock = 1410,
        SmClock = 1410,
        MemoryClock = 1215,
        PerformanceState = 0,
        ThrottleReasons = 0x4,
        EccCorrected = 2,
        EccUncorrected = 0,
        Compute = [new NvmlProcessInfo { Pid = 4242, UsedGpuMemory = 20_000_000_000 }],
        Graphics = [],
    };
}
