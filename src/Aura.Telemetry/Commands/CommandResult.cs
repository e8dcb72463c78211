namespace Aura.Telemetry.Commands;

/// <summary>How a tool run ended: its exit code (-1 when it could not start or was stopped) and what it wrote.</summary>
public readonly record struct CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for error messages that a tool writes to either.</summary>
    public string Output => Stdout + Stderr;
}
