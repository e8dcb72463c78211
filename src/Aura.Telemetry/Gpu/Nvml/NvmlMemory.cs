using System.Runtime.InteropServices;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>nvmlMemory_t, in bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlMemory
{
    public ulong Total;
    public ulong Free;
    public ulong Used;
}
