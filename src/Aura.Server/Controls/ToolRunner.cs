using System.ComponentModel;
using System.Diagnostics;

namespace Aura.Server.Controls;

/// <summary>Finds a tool on the search path and runs it with an argument list (never a shell), bounded in time.</summary>
internal sealed class ToolRunner(string? searchPath, TimeSpan timeout)
{
    private readonly string[] _directories =
        [.. (searchPath ?? (Environment.GetEnvironmentVariable("PATH") + ":/usr/bin:/usr/sbin")).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)];

    public string? Find(string name)
    {
        foreach (var directory in _directories)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public async Task<ToolResult> RunAsync(string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (Find(name) is not { } path)
        {
            return new ToolResult(-1, "", $"not found on {string.Join(':', _directories)}");
        }

        var info = new ProcessStartInfo(path)
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

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return new ToolResult(-1, "", $"could not start {path}: {e.Message}");
        }

        using (process)
        {
            try
            {
                // Closed stdin answers "no" to nvpmodel's reboot prompt rather than leaving it waiting.
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
                var stderr = process.StandardError.ReadToEndAsync(limit.Token);
                await process.WaitForExitAsync(limit.Token);
                return new ToolResult(process.ExitCode, await stdout, await stderr);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new ToolResult(-1, "", $"{path} did not finish within {timeout.TotalSeconds:0} s and was stopped");
            }
        }
    }
}
