using System.Runtime.InteropServices;

namespace Aura.Telemetry.Linux;

/// <summary>
/// glibc's <c>struct statvfs</c> on 64-bit Linux (x86_64 and aarch64 share the generic layout, 112 bytes; musl's is
/// the same size with the same offsets). 32-bit layouts differ and are not supported.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct StatvfsBuffer
{
    public ulong BlockSize;        // f_bsize
    public ulong FragmentSize;     // f_frsize: the unit f_blocks, f_bfree and f_bavail count in
    public ulong Blocks;           // f_blocks
    public ulong FreeBlocks;       // f_bfree
    public ulong AvailableBlocks;  // f_bavail
    public ulong Files;            // f_files
    public ulong FreeFiles;        // f_ffree
    public ulong AvailableFiles;   // f_favail
    public ulong FilesystemId;     // f_fsid
    public ulong Flags;            // f_flag
    public ulong MaxNameLength;    // f_namemax
    public uint Type;              // f_type since glibc 2.39, the first spare int before
    public int Spare0;             // __f_spare[5]
    public int Spare1;
    public int Spare2;
    public int Spare3;
    public int Spare4;
}
