using System.Text;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>NVML as a table: each device's answers, and the status of every call not given (NOT_SUPPORTED by default).</summary>
internal sealed class FakeNvml : INvml
{
    public List<FakeNvmlDevice> Devices { get; } = [];

    public NvmlReturn CountStatus { get; set; } = NvmlReturn.Success;

    public int CountCalls { get; private set; }

    public NvmlReturn DeviceGetCount(out uint count)
    {
        CountCalls++;
        count = (uint)Devices.Count;
        return CountStatus;
    }

    public NvmlReturn DeviceGetHandleByIndex(uint index, out nint device)
    {
        device = (nint)(index + 1);
        return Devices[(int)index].HandleStatus;
    }

    public NvmlReturn DeviceGetName(nint device, Span<byte> name) => Text(Of(device).Name, name);

    public NvmlReturn DeviceGetUuid(nint device, Span<byte> uuid) => Text(Of(device).Uuid, uuid);

    public NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization)
    {
        var d = Of(device);
        utilization = new NvmlUtilization { Gpu = d.Gpu ?? 0, Memory = d.MemoryBusy ?? 0 };
        return d.Gpu is null ? NvmlReturn.NotSupported : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetEncoderUtilization(nint device, out uint percent) => Value(Of(device).Encoder, out percent);

    public NvmlReturn DeviceGetDecoderUtilization(nint device, out uint percent) => Value(Of(device).Decoder, out percent);

    public NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory)
    {
        var d = Of(device);
        memory = d.Memory ?? default;
        return d.Memory is null ? NvmlReturn.NotSupported : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetTemperature(nint device, out uint celsius) => Value(Of(device).Temperature, out celsius);

    public NvmlReturn DeviceGetFanSpeed(nint device, out uint percent) => Value(Of(device).Fan, out percent);

    public NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts) => Value(Of(device).PowerMilliwatts, out milliwatts);

    public NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts) => Value(Of(device).PowerLimitMilliwatts, out milliwatts);

    public NvmlReturn DeviceGetClockInfo(nint device, NvmlClock clock, out uint mhz) => Value(
        clock switch
        {
            NvmlClock.Graphics => Of(device).GraphicsClock,
            NvmlClock.Sm => Of(device).SmClock,
            _ => Of(device).MemoryClock,
        },
        out mhz);

    public NvmlReturn DeviceGetPerformanceState(nint device, out int state)
    {
        state = Of(device).PerformanceState ?? 0;
        return Of(device).PerformanceState is null ? NvmlReturn.NotSupported : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons)
    {
        reasons = Of(device).ThrottleReasons ?? 0;
        return Of(device).ThrottleReasons is null ? NvmlReturn.NotSupported : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlEccError kind, out ulong count)
    {
        var value = kind == NvmlEccError.Corrected ? Of(device).EccCorrected : Of(device).EccUncorrected;
        count = value ?? 0;
        return value is null ? NvmlReturn.NotSupported : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetComputeRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count) =>
        Processes(Of(device).Compute, infos, out count);

    public NvmlReturn DeviceGetGraphicsRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count) =>
        Processes(Of(device).Graphics, infos, out count);

    private FakeNvmlDevice Of(nint handle) => Devices[(int)handle - 1];

    private static NvmlReturn Processes(List<NvmlProcessInfo>? list, Span<NvmlProcessInfo> infos, out uint count)
    {
        if (list is null)
        {
            count = 0;
            return NvmlReturn.NotSupported;
        }

        count = (uint)list.Count;
        if (list.Count > infos.Length)
        {
            return NvmlReturn.InsufficientSize;
        }

        list.CopyTo(infos);
        return NvmlReturn.Success;
    }

    private static NvmlReturn Value(uint? value, out uint result)
    {
        result = value ?? 0;
        return value is null ? NvmlReturn.NotSupported : NvmlReturn.Success;
    }

    private static NvmlReturn Text(string? value, Span<byte> buffer)
    {
        if (value is null)
        {
            return NvmlReturn.NotSupported;
        }

        var written = Encoding.UTF8.GetBytes(value, buffer);
        buffer[written] = 0;
        return NvmlReturn.Success;
    }
}
