using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Aura.Tui.Terminal;

/// <summary>
/// Owns the terminal while `aura top` runs: raw input, the alternate screen, a hidden cursor and mouse reporting.
/// <see cref="Restore"/> undoes all of it exactly once, whichever way the program ends (q, Ctrl-C, SIGTERM, an exception).
/// </summary>
internal sealed class TerminalSession : IDisposable
{
    // Alternate screen, hidden cursor, button-press mouse reports in SGR form, then a clear.
    private const string EnterSequence = "\e[?1049h\e[?25l\e[?1000h\e[?1006h\e[0m\e[2J";

    // The reverse, in the reverse order; also resets colours and scrolling region in case a frame was cut short.
    private const string LeaveSequence = "\e[0m\e[?1006l\e[?1000l\e[?25h\e[?1049l";

    private readonly byte[]? _saved;
    private int _restored;

    private TerminalSession(Stream output, byte[]? saved)
    {
        Output = output;
        _saved = saved;
    }

    /// <summary>Where frames go: standard output as a raw stream (Console's writer is not used, so .NET never reconfigures the tty).</summary>
    public Stream Output { get; }

    public static bool IsTerminal => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? Libc.IsATty(Libc.StdIn) == 1 && Libc.IsATty(Libc.StdOut) == 1
        : !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public static TerminalSession Enter()
    {
        var output = new FileStream(new SafeFileHandle(Libc.StdOut, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        byte[]? saved = null;
        var termios = new byte[Libc.TermiosBytes];
        if (Libc.TryGetAttributes(Libc.StdIn, termios))
        {
            saved = (byte[])termios.Clone();
            Libc.MakeRaw(termios);
            Libc.TrySetAttributes(Libc.StdIn, termios);
        }

        var session = new TerminalSession(output, saved);
        session.Write(EnterSequence);
        return session;
    }

    public static (int Columns, int Rows) Size()
    {
        if (Libc.WindowSize(Libc.StdOut) is { } size)
        {
            return size;
        }

        return (Variable("COLUMNS", 80), Variable("LINES", 24));
    }

    /// <summary>Gives the terminal back as it was; safe to call from a signal handler and more than once.</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }

        try
        {
            Write(LeaveSequence);
        }
        catch (IOException)
        {
            // The terminal went away (a closed SSH session): nothing left to restore on screen.
        }

        if (_saved is not null)
        {
            Libc.TrySetAttributes(Libc.StdIn, _saved);
        }
    }

    public void Dispose()
    {
        Restore();
        Output.Dispose();
    }

    private void Write(string sequence)
    {
        var bytes = Encoding.UTF8.GetBytes(sequence);
        Output.Write(bytes);
        Output.Flush();
    }

    private static int Variable(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
