using System.Runtime.InteropServices;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>nvmlUtilization_t: percent of the last sample period.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlUtilization
{
    public uint Gpu;
    public uint Memory;
}
