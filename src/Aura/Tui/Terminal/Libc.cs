using System.Runtime.InteropServices;

namespace Aura.Tui.Terminal;

/// <summary>
/// The few libc calls a full-screen terminal program needs. termios is kept as an opaque buffer (its layout differs
/// between libcs and architectures); cfmakeraw does the flag work, so nothing here depends on field offsets.
/// </summary>
internal static partial class Libc
{
    /// <summary>Larger than struct termios on every Linux and macOS libc.</summary>
    public const int TermiosBytes = 256;

    public const int StdIn = 0;

    public const int StdOut = 1;

    private const int TcsaNow = 0;

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static unsafe partial int TcSetAttr(int fd, int action, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int IoCtl(int fd, nuint request, ushort* winsize);

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    public static unsafe bool TryGetAttributes(int fd, byte[] termios)
    {
        fixed (byte* p = termios)
        {
            return TcGetAttr(fd, p) == 0;
        }
    }

    public static unsafe bool TrySetAttributes(int fd, byte[] termios)
    {
        fixed (byte* p = termios)
        {
            return TcSetAttr(fd, TcsaNow, p) == 0;
        }
    }

    public static unsafe void MakeRaw(byte[] termios)
    {
        fixed (byte* p = termios)
        {
            CfMakeRaw(p);
        }
    }

    /// <summary>The terminal's columns and rows, or null when <paramref name="fd"/> is not a terminal.</summary>
    public static unsafe (int Columns, int Rows)? WindowSize(int fd)
    {
        // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        var size = stackalloc ushort[4];
        nuint request = OperatingSystem.IsMacOS() ? 0x40087468u : 0x5413u;
        if (IoCtl(fd, request, size) != 0 || size[0] == 0 || size[1] == 0)
        {
            return null;
        }

        return (size[1], size[0]);
    }
}
