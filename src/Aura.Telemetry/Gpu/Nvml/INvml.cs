namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>
/// The NVML calls Aura makes, one method per C function, so the mapping to <see cref="Aura.Core.Model.GpuSample"/> is
/// tested with a fake. <see cref="NvmlLibrary"/> is the real one. Every call returns NVML's status; a value is only
/// meaningful with <see cref="NvmlReturn.Success"/>.
/// </summary>
internal interface INvml
{
    NvmlReturn DeviceGetCount(out uint count);

    NvmlReturn DeviceGetHandleByIndex(uint index, out nint device);

    /// <summary>Writes a NUL-terminated UTF-8 name into <paramref name="name"/>.</summary>
    NvmlReturn DeviceGetName(nint device, Span<byte> name);

    /// <summary>Writes a NUL-terminated UUID (<c>GPU-…</c>) into <paramref name="uuid"/>.</summary>
    NvmlReturn DeviceGetUuid(nint device, Span<byte> uuid);

    NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization);

    NvmlReturn DeviceGetEncoderUtilization(nint device, out uint percent);

    NvmlReturn DeviceGetDecoderUtilization(nint device, out uint percent);

    NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory);

    /// <summary>The GPU die sensor (NVML_TEMPERATURE_GPU), °C.</summary>
    NvmlReturn DeviceGetTemperature(nint device, out uint celsius);

    NvmlReturn DeviceGetFanSpeed(nint device, out uint percent);

    NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts);

    NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts);

    NvmlReturn DeviceGetClockInfo(nint device, NvmlClock clock, out uint mhz);

    /// <summary>0–15, or 32 (NVML_PSTATE_UNKNOWN).</summary>
    NvmlReturn DeviceGetPerformanceState(nint device, out int state);

    NvmlReturn DeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons);

    /// <summary>Volatile (since the driver loaded) total ECC errors of one kind.</summary>
    NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlEccError kind, out ulong count);

    /// <summary>
    /// Fills <paramref name="infos"/> with up to its length of compute processes; <paramref name="count"/> is how many
    /// were written, or with <see cref="NvmlReturn.InsufficientSize"/> how many there are.
    /// </summary>
    NvmlReturn DeviceGetComputeRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count);

    /// <summary>As <see cref="DeviceGetComputeRunningProcesses"/>, for graphics contexts.</summary>
    NvmlReturn DeviceGetGraphicsRunningProcesses(nint device, Span<NvmlProcessInfo> infos, out uint count);
}
