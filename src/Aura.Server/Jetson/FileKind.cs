using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Aura.Server.Jetson;

/// <summary>
/// What kind of file a path is, and who owns it, from statx(2) without following a symbolic link. statx's buffer
/// has one layout on every architecture, unlike stat's, which is why it is used here.
/// </summary>
internal static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxUid = 0x8;
    private const int TypeMask = 0xF000, Socket = 0xC000;

    /// <summary>True when <paramref name="path"/> is a UNIX socket owned by this process's user; false when it is not, or cannot be told.</summary>
    public static bool IsOwnSocket(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[256];
        var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        try
        {
            if (Statx(AtFdCwd, ref name[0], AtSymlinkNoFollow, StatxType | StatxUid, ref buffer[0]) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }

        var uid = BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]);
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]);
        if (!BitConverter.IsLittleEndian)
        {
            uid = BinaryPrimitives.ReverseEndianness(uid);
            mode = BinaryPrimitives.ReverseEndianness(mode);
        }

        return (mode & TypeMask) == Socket && uid == GetEuid();
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Statx(int directory, ref byte path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
