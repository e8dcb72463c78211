namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>nvmlMemoryErrorType_t.</summary>
internal enum NvmlEccError
{
    Corrected = 0,
    Uncorrected = 1,
}
