using System.Runtime.InteropServices;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>
/// nvmlProcessInfo_v2_t (24 bytes: pid, 4 bytes of padding, used memory, MIG instance ids), what the <c>_v2</c>
/// running-process calls fill. UsedGpuMemory is <see cref="NotAvailable"/> when the driver will not say.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlProcessInfo
{
    /// <summary>NVML_VALUE_NOT_AVAILABLE as an unsigned long long.</summary>
    public const ulong NotAvailable = ulong.MaxValue;

    public uint Pid;
    public ulong UsedGpuMemory;
    public uint GpuInstanceId;
    public uint ComputeInstanceId;
}
