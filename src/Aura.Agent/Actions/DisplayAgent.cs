using Aura.Agent.Screen;
using Aura.Agent.X11;

namespace Aura.Agent.Actions;

/// <summary>
/// Input and capture for one display, opened once per server and shared by every connection. Its lock lets one action
/// at a time touch the display, whichever connection sent it.
/// </summary>
public sealed class DisplayAgent : IDisposable
{
    private ScreenCapture? _capture;

    private DisplayAgent(string name)
    {
        Name = name;
        Input = XInput.Open(name);
    }

    public string Name { get; }

    public int Width => Input.Width;

    public int Height => Input.Height;

    internal XInput Input { get; }

    internal SemaphoreSlim Lock { get; } = new(1, 1);

    /// <exception cref="AgentException">The display cannot be opened or lacks XTest.</exception>
    public static DisplayAgent Open(string name) => new(name);

    /// <summary>The capture; call with <see cref="Lock"/> held.</summary>
    internal ScreenCapture Capture => _capture ??= ScreenCapture.Open(Name);

    public void Dispose()
    {
        _capture?.Dispose();
        Input.Dispose();
        Lock.Dispose();
    }
}
