namespace Aura.Testing;

/// <summary>How a finished `aura` run ended: its exit code and everything it printed.</summary>
public sealed record AuraResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout's non-empty lines.</summary>
    public IReadOnlyList<string> Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
