using System.Globalization;

namespace Aura.EndToEnd.Tests.Tui;

/// <summary>
/// A real terminal for `aura top`: a tmux server on its own socket name (so parallel runs never meet), one pane running
/// the command, keys sent with send-keys and the screen read with capture-pane. The pane stays after the command ends
/// so its exit status and the restored screen can be checked.
/// </summary>
internal sealed class TmuxTerminal : IAsyncDisposable
{
    private readonly string _tmux = Tools.Require("tmux");
    private readonly string _socket = "aura-top-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<TmuxTerminal> StartAsync(string home, IReadOnlyList<string> command, IReadOnlyDictionary<string, string?>? environment = null, int width = 100, int height = 30)
    {
        var terminal = new TmuxTerminal();

        // The pane gets exactly the environment any aura under test gets (AuraEnvironment), in a UTF-8 256-colour
        // terminal with no colour preferences of the developer's, whatever tmux's own environment holds.
        var overrides = new Dictionary<string, string?> { ["LANG"] = "C.UTF-8", ["TERM"] = "xterm-256color", ["NO_COLOR"] = null, ["COLORTERM"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var pane = new System.Diagnostics.ProcessStartInfo();
        AuraEnvironment.Apply(pane, home, overrides);
        var args = new List<string> { "-f", "/dev/null", "new-session", "-d", "-x", Num(width), "-y", Num(height), "--", "env", "-i" };
        foreach (var (key, value) in pane.Environment)
        {
            args.Add($"{key}={value}");
        }

        // After aura ends, the shell prints its exit status and the tty's modes (raw mode must be gone), then waits.
        args.AddRange(["sh", "-c", "\"$@\"; echo \"EXIT=$?\"; stty -a; exec sleep 600", "sh"]);
        args.AddRange(command);
        await terminal.RunAsync(args);
        return terminal;
    }

    public Task SendKeysAsync(params string[] keys) => RunAsync(["send-keys", "-t", "0", .. keys]);

    /// <summary>Types text as it is (no key names), e.g. a raw mouse report.</summary>
    public Task SendLiteralAsync(string text) => RunAsync(["send-keys", "-t", "0", "-l", text]);

    public async Task<string> CaptureAsync(bool escapes = false) =>
        await RunAsync(escapes ? ["capture-pane", "-p", "-e", "-t", "0"] : ["capture-pane", "-p", "-t", "0"]);

    public async Task<string> DisplayAsync(string format) => (await RunAsync(["display-message", "-p", "-t", "0", format])).Trim();

    public Task ResizeAsync(int width, int height) => RunAsync(["resize-window", "-t", "0", "-x", Num(width), "-y", Num(height)]);

    /// <summary>Waits until the screen shows <paramref name="text"/>; returns that screen.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var screen = await CaptureAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            if (started.Elapsed > limit)
            {
                throw new ShouldAssertException($"the screen did not show '{text}' within {limit.TotalSeconds} s; it shows:\n{screen}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for aura to end; returns its exit status and the screen after it (with `stty -a`).</summary>
    public async Task<(int ExitCode, string Screen)> WaitForExitAsync()
    {
        var screen = await WaitForAsync("EXIT=");
        await WaitForAsync("speed ");
        screen = await CaptureAsync();
        var at = screen.IndexOf("EXIT=", StringComparison.Ordinal) + 5;
        var end = at;
        while (end < screen.Length && char.IsAsciiDigit(screen[end]))
        {
            end++;
        }

        return (int.Parse(screen[at..end], CultureInfo.InvariantCulture), screen);
    }

    /// <summary>The process id of aura inside the pane (the shell's child).</summary>
    public async Task<int> AuraPidAsync()
    {
        var shell = await DisplayAsync("#{pane_pid}");
        var children = await File.ReadAllTextAsync($"/proc/{shell}/task/{shell}/children");
        return int.Parse(children.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(["kill-server"]);
        }
        catch (ShouldAssertException)
        {
            // Already gone.
        }
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<string> RunAsync(IEnumerable<string> args)
    {
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(_tmux, ["-L", _socket, .. args]);
        if (exitCode != 0)
        {
            throw new ShouldAssertException($"tmux {string.Join(' ', args)} failed ({exitCode}): {stderr}");
        }

        return stdout;
    }
}
