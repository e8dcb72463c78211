using System.Runtime.InteropServices;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>
/// The real NVML: libnvidia-ml.so.1 loaded at run time and initialised once. A machine without the library (no NVIDIA
/// driver) or whose driver will not initialise (no GPU, a driver/library mismatch) has no NVML, which is not an error.
/// </summary>
internal sealed class NvmlLibrary : INvml, IDisposable
{
    private const int TemperatureGpu = 0;
    private const int VolatileEcc = 0;

    private NvmlProcessInfoV1[] _v1 = [];
    private bool _useV1Processes;
    private bool _disposed;

    private NvmlLibrary()
    {
    }

    /// <summary>The library when it loads and nvmlInit_v2 succeeds; otherwise null and why.</summary>
    public static NvmlLibrary? TryOpen(out string? reason)
    {
        if (!NativeLibrary.TryLoad(NvmlNative.Library, out _))
        {
            reason = $"{NvmlNative.Library} is not installed (no NVIDIA driver)";
            return null;
        }

        try
        {
            var status = (NvmlReturn)NvmlNative.Init();
            if (status != NvmlReturn.Success)
            {
                reason = $"nvmlInit_v2 failed with NVML status {(int)status}";
                return null;
            }
        }
        catch (EntryPointNotFoundException e)
        {
            reason = $"{NvmlNative.Library} lacks nvmlInit_v2: {e.Message}";
            return null;
        }

        reason = null;
        return new NvmlLibrary();
    }

    public NvmlReturn DeviceGetCount(out uint count) => (NvmlReturn)NvmlNative.DeviceGetCount(out count);

    public NvmlReturn DeviceGetHandleByIndex(uint index, out nint device) => (NvmlReturn)NvmlNative.DeviceGetHandleByIndex(index, out device);

    public NvmlReturn DeviceGetName(nint device, Span<byte> name) =>
        (NvmlReturn)NvmlNative.DeviceGetName(device, ref MemoryMarshal.GetReference(name), (uint)name.Length);

    public NvmlReturn DeviceGetUuid(nint device, Span<byte> uuid) =>
        (NvmlReturn)NvmlNative.DeviceGetUuid(device, ref MemoryMarshal.GetReference(uuid), (uint)uuid.Length);

    public NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization) =>
        (NvmlReturn)NvmlNative.DeviceGetUtilizationRates(device, out utilization);

    public NvmlReturn DeviceGetEncoderUtilization(nint device, out uint percent) =>
        (NvmlReturn)NvmlNative.DeviceGetEncoderUtilization(device, out percent, out _);

    public NvmlReturn DeviceGetDecoderUtilization(nint device, out uint percent) =>
        (NvmlReturn)NvmlNative.DeviceGetDecoderUtilization(device, out percent, out _);

    public NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory) => (NvmlReturn)NvmlNative.DeviceGetMemoryInfo(device, out memory);

    public NvmlReturn DeviceGetTemperature(nint device, out uint celsius) =>
        (NvmlReturn)NvmlNative.DeviceGetTemperature(device, TemperatureGpu, out celsius);

    public NvmlReturn DeviceGetFanSpeed(nint device, out uint percent) => (NvmlReturn)NvmlNative.DeviceGetFanSpeed(device, out percent);

    public NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts) => (NvmlReturn)NvmlNative.DeviceGetPowerUsage(device, out milliwatts);

    public NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts) =>
        (NvmlReturn)NvmlNative.DeviceGetEnforcedPowerLimit(device, out milliwatts);

    public NvmlReturn DeviceGetClockInfo(nint device, NvmlClock clock, out uint mhz) =>
        (NvmlReturn)NvmlNative.DeviceGetClockInfo(device, (int)clock, out mhz);

    public NvmlReturn DeviceGetPerformanceState(nint device, out int state) => (NvmlReturn)NvmlNative.DeviceGetPerformanceState(device, out state);

    public NvmlReturn DeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons) =>
        (NvmlReturn)NvmlNative.DeviceGetCurrentClocksThrottleReasons(device, out reasons);

    public NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlEccError kind, out ulong count) =>
        (NvmlReturn)NvmlNative.DeviceGetTotalEccErrors(device, (int)kind, VolatileEcc, out count);

    public NvmlReturn DeviceGetComputeRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count) =>
        RunningProcesses(device, infos, graphics: false, out count);

    public NvmlReturn DeviceGetGraphicsRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count) =>
        RunningProcesses(device, infos, graphics: true, out count);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _ = NvmlNative.Shutdown(); // nothing to do about a failed shutdown at exit
        }
    }

    private NvmlReturn RunningProcesses(nint device, Span<NvmlProcessInfo> infos, bool graphics, out uint count)
    {
        count = (uint)infos.Length;
        if (infos.IsEmpty)
        {
            return NvmlReturn.InvalidArgument;
        }

        if (!_useV1Processes)
        {
            try
            {
                ref var first = ref MemoryMarshal.GetReference(infos);
                return (NvmlReturn)(graphics
                    ? NvmlNative.DeviceGetGraphicsRunningProcesses(device, ref count, ref first)
                    : NvmlNative.DeviceGetComputeRunningProcesses(device, ref count, ref first));
            }
            catch (EntryPointNotFoundException)
            {
                // Drivers before R450 only export the first version, with the 16-byte struct.
                _useV1Processes = true;
                count = (uint)infos.Length;
            }
        }

        if (_v1.Length < infos.Length)
        {
            _v1 = new NvmlProcessInfoV1[infos.Length];
        }

        var status = (NvmlReturn)(graphics
            ? NvmlNative.DeviceGetGraphicsRunningProcessesV1(device, ref count, ref _v1[0])
            : NvmlNative.DeviceGetComputeRunningProcessesV1(device, ref count, ref _v1[0]));
        if (status == NvmlReturn.Success)
        {
            for (var i = 0; i < (int)count; i++)
            {
                infos[i] = new NvmlProcessInfo { Pid = _v1[i].Pid, UsedGpuMemory = _v1[i].UsedGpuMemory };
            }
        }

        return status;
    }
}
