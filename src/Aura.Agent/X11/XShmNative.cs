using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>MIT-SHM (libXext.so.6) and the System V shared-memory calls behind it (libc).</summary>
internal static unsafe partial class XShmNative
{
    public const string Library = "libXext.so.6";
    private const string LibC = "libc";
    public const int IpcPrivate = 0;
    public const int IpcCreat = 0x200;
    public const int IpcRmid = 0;
    public const int OwnerReadWrite = 0x180; // 0600: only the daemon's user can map the frame

    [LibraryImport(Library)]
    public static partial int XShmQueryExtension(nint display);

    [LibraryImport(Library)]
    public static partial XImage* XShmCreateImage(nint display, nint visual, uint depth, int format, byte* data, XShmSegmentInfo* info, uint width, uint height);

    [LibraryImport(Library)]
    public static partial int XShmAttach(nint display, XShmSegmentInfo* info);

    [LibraryImport(Library)]
    public static partial int XShmDetach(nint display, XShmSegmentInfo* info);

    [LibraryImport(Library)]
    public static partial int XShmGetImage(nint display, ulong drawable, XImage* image, int x, int y, ulong planeMask);

    [LibraryImport(LibC, SetLastError = true)]
    public static partial int shmget(int key, nuint size, int flags);

    [LibraryImport(LibC, SetLastError = true)]
    public static partial nint shmat(int id, nint address, int flags);

    [LibraryImport(LibC)]
    public static partial int shmdt(nint address);

    [LibraryImport(LibC)]
    public static partial int shmctl(int id, int command, nint buffer);
}
