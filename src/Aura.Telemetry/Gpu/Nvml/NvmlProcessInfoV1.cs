using System.Runtime.InteropServices;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>nvmlProcessInfo_v1_t (16 bytes), for drivers older than the <c>_v2</c> calls.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlProcessInfoV1
{
    public uint Pid;
    public ulong UsedGpuMemory;
}
