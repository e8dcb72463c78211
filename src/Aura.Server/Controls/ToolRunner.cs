using Aura.Telemetry.Commands;

namespace Aura.Server.Controls;

/// <summary>Finds a tool on the search path and runs it with an argument list (never a shell), bounded in time.</summary>
internal sealed class ToolRunner(string? searchPath, TimeSpan timeout)
{
    private readonly string _path = searchPath ?? Environment.GetEnvironmentVariable("PATH") + ":/usr/bin:/usr/sbin";

    public string? Find(string name) => ExecutableSearch.Find(name, _path);

    public async Task<ToolResult> RunAsync(string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (Find(name) is not { } path)
        {
            return new ToolResult(-1, "", $"not found on {_path}");
        }

        var result = await CommandRunner.RunAsync(path, arguments, timeout, TimeProvider.System, cancellationToken);
        return new ToolResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
