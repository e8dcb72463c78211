namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>nvmlClockType_t.</summary>
internal enum NvmlClock
{
    Graphics = 0,
    Sm = 1,
    Memory = 2,
}
