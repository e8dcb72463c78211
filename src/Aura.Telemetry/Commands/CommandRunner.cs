using System.ComponentModel;
using System.Diagnostics;

namespace Aura.Telemetry.Commands;

/// <summary>
/// Runs a tool with an argument list (never a shell), bounded by a timeout; a tool that overruns it is killed. Its stdin
/// is closed at once, so a tool that asks a question (nvpmodel's reboot prompt) reads "no" instead of waiting. The one
/// way Aura runs a short-lived tool: GPU queries and hardware controls both use it.
/// </summary>
public static class CommandRunner
{
    /// <summary>
    /// Runs the tool called <paramref name="name"/> from the first directory of <paramref name="searchPath"/> (PATH
    /// style) that holds it; when none does, exit code -1 and an error saying where it was looked for.
    /// </summary>
    public static Task<CommandResult> FindAndRunAsync(
        string name, string searchPath, IReadOnlyList<string> arguments, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken) =>
        ExecutableSearch.Find(name, searchPath) is { } executable
            ? RunAsync(executable, arguments, timeout, clock, cancellationToken)
            : Task.FromResult(new CommandResult(-1, "", $"not found on {searchPath}"));

    public static async Task<CommandResult> RunAsync(
        string executable, IReadOnlyList<string> arguments, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new CommandResult(-1, "", $"{executable} could not be started: {e.Message}");
        }

        process.StandardInput.Close();
        using var timer = new CancellationTokenSource(timeout, clock);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            var why = cancellationToken.IsCancellationRequested ? "was stopped" : $"did not finish within {timeout.TotalSeconds:0.#} s";
            return new CommandResult(-1, "", $"{executable} {why}");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }
}
