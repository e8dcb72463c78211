using System.Runtime.InteropServices;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>
/// The C functions of libnvidia-ml.so.1, the library every NVIDIA driver installs. Only called after
/// <see cref="NvmlLibrary.TryOpen"/> loaded it, so a machine without the driver never binds them.
/// </summary>
internal static partial class NvmlNative
{
    public const string Library = "libnvidia-ml.so.1";

    [LibraryImport(Library, EntryPoint = "nvmlInit_v2")]
    public static partial int Init();

    [LibraryImport(Library, EntryPoint = "nvmlShutdown")]
    public static partial int Shutdown();

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCount_v2")]
    public static partial int DeviceGetCount(out uint count);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    public static partial int DeviceGetHandleByIndex(uint index, out nint device);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetName")]
    public static partial int DeviceGetName(nint device, ref byte name, uint length);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetUUID")]
    public static partial int DeviceGetUuid(nint device, ref byte uuid, uint length);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetUtilizationRates")]
    public static partial int DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetEncoderUtilization")]
    public static partial int DeviceGetEncoderUtilization(nint device, out uint utilization, out uint samplingPeriodUs);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetDecoderUtilization")]
    public static partial int DeviceGetDecoderUtilization(nint device, out uint utilization, out uint samplingPeriodUs);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetMemoryInfo")]
    public static partial int DeviceGetMemoryInfo(nint device, out NvmlMemory memory);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetTemperature")]
    public static partial int DeviceGetTemperature(nint device, int sensor, out uint celsius);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetFanSpeed")]
    public static partial int DeviceGetFanSpeed(nint device, out uint percent);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetPowerUsage")]
    public static partial int DeviceGetPowerUsage(nint device, out uint milliwatts);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetEnforcedPowerLimit")]
    public static partial int DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetClockInfo")]
    public static partial int DeviceGetClockInfo(nint device, int clock, out uint mhz);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetPerformanceState")]
    public static partial int DeviceGetPerformanceState(nint device, out int state);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCurrentClocksThrottleReasons")]
    public static partial int DeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetTotalEccErrors")]
    public static partial int DeviceGetTotalEccErrors(nint device, int errorType, int counterType, out ulong count);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetComputeRunningProcesses_v2")]
    public static partial int DeviceGetComputeRunningProcesses(nint device, ref uint count, ref NvmlProcessInfo infos);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetGraphicsRunningProcesses_v2")]
    public static partial int DeviceGetGraphicsRunningProcesses(nint device, ref uint count, ref NvmlProcessInfo infos);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetComputeRunningProcesses")]
    public static partial int DeviceGetComputeRunningProcessesV1(nint device, ref uint count, ref NvmlProcessInfoV1 infos);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetGraphicsRunningProcesses")]
    public static partial int DeviceGetGraphicsRunningProcessesV1(nint device, ref uint count, ref NvmlProcessInfoV1 infos);
}
