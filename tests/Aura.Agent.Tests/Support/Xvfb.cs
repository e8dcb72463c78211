using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Aura.Agent.Tests.Support;

/// <summary>
/// A private Xvfb: the server picks a free display number itself (-displayfd) so parallel runs never collide.
/// </summary>
internal sealed class Xvfb : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, StringBuilder> _clientErrors = new();

    private Xvfb(Process process, string display)
    {
        _process = process;
        Display = display;
    }

    public string Display { get; }

    public static Xvfb Start(int width = 1280, int height = 800)
    {
        var start = new ProcessStartInfo(Tools.Require("Xvfb")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-displayfd", "1", "-screen", "0", $"{width}x{height}x24", "-nolisten", "tcp" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(30)) || string.IsNullOrWhiteSpace(line.Result))
        {
            process.Kill();
            throw new ShouldAssertException("Xvfb did not report a display number");
        }

        return new Xvfb(process, ":" + line.Result.Trim());
    }

    /// <summary>Starts an X client on this display.</summary>
    public Process Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Tools.Require(program)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DISPLAY"] = Display;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var errors = _clientErrors.GetOrAdd(process.Id, _ => new StringBuilder());
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>What a client started with <see cref="Run"/> wrote to standard error so far (it is read as it comes).</summary>
    public string ErrorOutputOf(Process client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!_clientErrors.TryGetValue(client.Id, out var errors))
        {
            return "";
        }

        lock (errors)
        {
            return errors.ToString();
        }
    }

    /// <summary>xdotool as the test's oracle: runs it and returns its output.</summary>
    public async Task<string> XdotoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Tools.Require("xdotool")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DISPLAY"] = Display;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
