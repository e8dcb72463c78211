using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Benchmarks.Telemetry;

/// <summary>
/// NVML answering at once with two busy GPUs, one process each: what a tick costs around the driver calls (the mapping,
/// the samples, the process join), since this machine has no NVIDIA driver to time the calls themselves.
/// </summary>
internal sealed class BenchNvml(int processPid) : INvml
{
    public NvmlReturn DeviceGetCount(out uint count)
    {
        count = 2;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetHandleByIndex(uint index, out nint device)
    {
        device = (nint)(index + 1);
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetName(nint device, Span<byte> name) => Text("NVIDIA A100 80GB PCIe"u8, name);

    public NvmlReturn DeviceGetUuid(nint device, Span<byte> uuid) =>
        Text(device == 1 ? "GPU-4f3c1c9e-8f0e-2a7d-9c1b-6e5d4c3b2a10"u8 : "GPU-9a8b7c6d-5e4f-3a2b-1c0d-efab12345678"u8, uuid);

    public NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization)
    {
        utilization = new NvmlUtilization { Gpu = 87, Memory = 41 };
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetEncoderUtilization(nint device, out uint percent) => Value(0, out percent);

    public NvmlReturn DeviceGetDecoderUtilization(nint device, out uint percent) => Value(3, out percent);

    public NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory)
    {
        memory = new NvmlMemory { Total = 80UL << 30, Used = 40UL << 30, Free = 40UL << 30 };
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetTemperature(nint device, out uint celsius) => Value(61, out celsius);

    public NvmlReturn DeviceGetFanSpeed(nint device, out uint percent)
    {
        percent = 0;
        return NvmlReturn.NotSupported;
    }

    public NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts) => Value(243_120, out milliwatts);

    public NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts) => Value(300_000, out milliwatts);

    public NvmlReturn DeviceGetClockInfo(nint device, NvmlClock clock, out uint mhz) => Value(1410, out mhz);

    public NvmlReturn DeviceGetPerformanceState(nint device, out int state)
    {
        state = 0;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons)
    {
        reasons = 4;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlEccError kind, out ulong count)
    {
        count = 0;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetComputeRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count)
    {
        infos[0] = new NvmlProcessInfo { Pid = (uint)processPid, UsedGpuMemory = 1UL << 30 };
        count = 1;
        return NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetGraphicsRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count)
    {
        count = 0;
        return NvmlReturn.Success;
    }

    private static NvmlReturn Value(uint value, out uint result)
    {
        result = value;
        return NvmlReturn.Success;
    }

    private static NvmlReturn Text(ReadOnlySpan<byte> text, Span<byte> buffer)
    {
        text.CopyTo(buffer);
        buffer[text.Length] = 0;
        return NvmlReturn.Success;
    }
}
