using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>The few Xlib calls Aura needs, from libX11.so.6 loaded at run time.</summary>
internal static unsafe partial class X11Native
{
    public const string Library = "libX11.so.6";
    public const int ZPixmap = 2;
    public const ulong AllPlanes = ulong.MaxValue;

    [LibraryImport(Library)]
    public static partial int XInitThreads();

    [LibraryImport(Library)]
    public static partial nint XOpenDisplay(byte* name);

    [LibraryImport(Library)]
    public static partial int XCloseDisplay(nint display);

    [LibraryImport(Library)]
    public static partial int XDefaultScreen(nint display);

    [LibraryImport(Library)]
    public static partial ulong XRootWindow(nint display, int screen);

    [LibraryImport(Library)]
    public static partial int XDisplayWidth(nint display, int screen);

    [LibraryImport(Library)]
    public static partial int XDisplayHeight(nint display, int screen);

    [LibraryImport(Library)]
    public static partial nint XDefaultVisual(nint display, int screen);

    [LibraryImport(Library)]
    public static partial int XDefaultDepth(nint display, int screen);

    [LibraryImport(Library)]
    public static partial XImage* XGetImage(nint display, ulong drawable, int x, int y, uint width, uint height, ulong planeMask, int format);

    [LibraryImport(Library)]
    public static partial int XDestroyImage(XImage* image);

    [LibraryImport(Library)]
    public static partial int XSync(nint display, int discard);

    [LibraryImport(Library)]
    public static partial int XFlush(nint display);

    [LibraryImport(Library)]
    public static partial int XFree(void* data);

    [LibraryImport(Library)]
    public static partial nint XSetErrorHandler(delegate* unmanaged<nint, nint, int> handler);

    [LibraryImport(Library)]
    public static partial nint XSetIOErrorHandler(delegate* unmanaged<nint, int> handler);

    [LibraryImport(Library)]
    public static partial ulong XStringToKeysym(byte* name);

    [LibraryImport(Library)]
    public static partial byte XKeysymToKeycode(nint display, ulong keysym);

    [LibraryImport(Library)]
    public static partial int XDisplayKeycodes(nint display, out int minKeycode, out int maxKeycode);

    [LibraryImport(Library)]
    public static partial ulong* XGetKeyboardMapping(nint display, byte firstKeycode, int keycodeCount, out int keysymsPerKeycode);

    [LibraryImport(Library)]
    public static partial int XChangeKeyboardMapping(nint display, int firstKeycode, int keysymsPerKeycode, ulong* keysyms, int numCodes);
}
