namespace Aura.Server.Controls;

/// <summary>
/// Where the controls act: <see cref="Root"/> for sysfs and config files ("/" except in tests), <see cref="SearchPath"/>
/// for <c>nvpmodel</c> and <c>jetson_clocks</c>, and where <c>jetson_clocks --store</c> keeps the clocks to restore.
/// </summary>
public sealed record ControlServiceOptions
{
    public string Root { get; init; } = "/";

    /// <summary>Directories searched for the tools, PATH style; null means the process's PATH plus /usr/bin and /usr/sbin.</summary>
    public string? SearchPath { get; init; }

    /// <summary>The file <c>jetson_clocks --store</c> writes before Aura turns the clocks on, and <c>--restore</c> reads to turn them off.</summary>
    public string ClocksStorePath { get; init; } = "/var/lib/aura/l4t_dfs.conf";

    /// <summary>Whether this process may change hardware; root on Linux. Replaceable so tests can play an unprivileged daemon.</summary>
    public Func<bool> IsPrivileged { get; init; } = () => Environment.IsPrivilegedProcess;

    /// <summary>How long a tool may run before it is killed and the change reported failed.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
