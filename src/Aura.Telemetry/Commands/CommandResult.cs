namespace Aura.Telemetry.Commands;

/// <summary>How a tool run ended: its exit code (-1 when it could not start or was stopped) and what it wrote.</summary>
public readonly record struct CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for error messages that a tool writes to either.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>A one-line summary for an error message: the exit code and the tool's last line (stderr first).</summary>
    public string Describe(string command)
    {
        var last = Stderr.Trim();
        last = last.Length == 0 ? Stdout.Trim() : last;
        last = last.Contains('\n', StringComparison.Ordinal) ? last[(last.LastIndexOf('\n') + 1)..] : last;
        return ExitCode == -1 ? $"{command}: {last}" : $"{command} exited with code {ExitCode}{(last.Length > 0 ? ": " + last : "")}";
    }
}
