namespace Aura.Server.Controls;

/// <summary>How a tool run ended: its exit code (-1 when it could not start or timed out), output, and an error line.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Ok => ExitCode == 0;

    /// <summary>A one-line summary for an error message.</summary>
    public string Describe(string tool)
    {
        var last = Stderr.Trim();
        last = last.Length == 0 ? Stdout.Trim() : last;
        last = last.Contains('\n', StringComparison.Ordinal) ? last[(last.LastIndexOf('\n') + 1)..] : last;
        return ExitCode == -1 ? $"{tool}: {last}" : $"{tool} exited with code {ExitCode}{(last.Length > 0 ? ": " + last : "")}";
    }
}
