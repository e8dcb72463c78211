using System.Diagnostics;

namespace Aura.Agent.Tests.Support;

/// <summary>
/// A private Xvfb: the server picks a free display number itself (-displayfd) so parallel runs never collide.
/// </summary>
internal sealed class Xvfb : IDisposable
{
    private readonly Process _process;

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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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
