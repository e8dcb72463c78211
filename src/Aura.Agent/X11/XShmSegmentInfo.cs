using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>MIT-SHM's <c>XShmSegmentInfo</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct XShmSegmentInfo
{
    public nuint ShmSeg;
    public int ShmId;
    public byte* ShmAddr;
    public int ReadOnly;
}
