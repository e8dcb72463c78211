using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>
/// Xlib's default error handler prints and exits the process; Aura installs this one instead, which only remembers the
/// last error code so a failed request (an MIT-SHM attach to a remote server) can fall back.
/// </summary>
internal static unsafe class XErrors
{
    private const int ErrorCodeOffset = 32; // XErrorEvent: type, display*, resourceid, serial, then error_code
    private static int _last;
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            _ = X11Native.XInitThreads();
            _ = X11Native.XSetErrorHandler(&OnError);
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
}
