using Aura.Telemetry.Gpu.Commands;

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

        var result = await CommandRunner.RunAsync(path, arguments, timeout, TimeProvider.System, cancellationToken);
        return new ToolResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
