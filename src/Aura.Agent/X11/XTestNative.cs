using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>The XTest extension (libXtst.so.6): synthetic pointer and key events the X server treats as real input.</summary>
internal static partial class XTestNative
{
    public const string Library = "libXtst.so.6";

    [LibraryImport(Library)]
    public static partial int XTestQueryExtension(nint display, out int eventBase, out int errorBase, out int major, out int minor);

    [LibraryImport(Library)]
    public static partial int XTestFakeMotionEvent(nint display, int screen, int x, int y, nuint delay);

    [LibraryImport(Library)]
    public static partial int XTestFakeButtonEvent(nint display, uint button, int isPress, nuint delay);

    [LibraryImport(Library)]
    public static partial int XTestFakeKeyEvent(nint display, uint keycode, int isPress, nuint delay);
}
