using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>
/// Xlib's default handlers print and exit the process: a protocol error (an MIT-SHM attach to a remote server) or a lost
/// connection (the X session ended) would take `aura serve` down with it. Aura installs handlers that only count, so a
/// failed request can fall back and a lost display becomes an error of that display alone (libX11 1.7+ lets the process
/// live on after an I/O error; older ones still exit).
/// </summary>
internal static unsafe class XErrors
{
    private const int ErrorCodeOffset = 32; // XErrorEvent: type, display*, resourceid, serial, then error_code
    private static int _last;
    private static int _installed;
    private static int _ioErrors;
    private static nint _setExitHandler;

    /// <summary>How many connections have been lost so far; a change means some display died.</summary>
    public static int IoErrors => Volatile.Read(ref _ioErrors);

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0)
        {
            return;
        }

        _ = X11Native.XInitThreads();
        _ = X11Native.XSetErrorHandler(&OnError);
        _ = X11Native.XSetIOErrorHandler(&OnIoError);
        if (NativeLibrary.TryLoad(X11Native.Library, out var library) && NativeLibrary.TryGetExport(library, "XSetIOErrorExitHandler", out var setExit))
        {
            _setExitHandler = setExit;
        }
    }

    /// <summary>Keeps the process alive when this connection is lost (the exit handler is per display; libX11 1.7+).</summary>
    public static void Guard(nint display)
    {
        if (_setExitHandler != 0 && display != 0)
        {
            ((delegate* unmanaged<nint, delegate* unmanaged<nint, nint, void>, nint, void>)_setExitHandler)(display, &OnIoErrorExit, 0);
        }
    }

    /// <summary>The error code since the last call (0 for none), cleared.</summary>
    public static int Take() => Interlocked.Exchange(ref _last, 0);

    [UnmanagedCallersOnly]
    private static int OnError(nint display, nint errorEvent)
    {
        Volatile.Write(ref _last, ((byte*)errorEvent)[ErrorCodeOffset]);
        return 0;
    }

    [UnmanagedCallersOnly]
    private static int OnIoError(nint display)
    {
        Interlocked.Increment(ref _ioErrors);
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnIoErrorExit(nint display, nint userData) => Interlocked.Increment(ref _ioErrors);
}
