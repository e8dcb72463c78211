using System.Runtime.InteropServices;
using System.Text;

namespace Aura.Agent.X11;

/// <summary>
/// One connection to an X server, its default screen and root window. Not thread-safe: the capture and the input of one
/// display are serialised by their owners.
/// </summary>
internal sealed unsafe class XDisplay : IDisposable
{
    private XDisplay(string name, nint handle)
    {
        Name = name;
        Handle = handle;
        Screen = X11Native.XDefaultScreen(handle);
        Root = X11Native.XRootWindow(handle, Screen);
        Width = X11Native.XDisplayWidth(handle, Screen);
        Height = X11Native.XDisplayHeight(handle, Screen);
    }

    public string Name { get; }

    public nint Handle { get; private set; }

    public int Screen { get; }

    public ulong Root { get; }

    public int Width { get; }

    public int Height { get; }

    /// <exception cref="AgentException">libX11 is missing or the display does not answer.</exception>
    public static XDisplay Open(string name)
    {
        if (!NativeLibrary.TryLoad(X11Native.Library, out _))
        {
            throw new AgentException($"{X11Native.Library} is not installed: the agent needs Xlib (Debian: apt-get install libx11-6)");
        }

        XErrors.Install();
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        nint handle;
        fixed (byte* p = bytes)
        {
            handle = X11Native.XOpenDisplay(p);
        }

        if (handle == 0)
        {
            throw new AgentException($"cannot open X display {name}: no X server answers there, or it refuses this user (check DISPLAY, xhost or XAUTHORITY)");
        }

        XErrors.Guard(handle);
        return new XDisplay(name, handle);
    }

    public void Dispose()
    {
        if (Handle != 0)
        {
            _ = X11Native.XCloseDisplay(Handle);
            Handle = 0;
        }
    }
}
