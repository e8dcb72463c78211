namespace Aura.Controls;

/// <summary>
/// Where the controls act: <see cref="Root"/> for sysfs and config files ("/" except in tests), <see cref="SearchPath"/>
/// for <c>nvpmodel</c> and <c>jetson_clocks</c>, and where <c>jetson_clocks --store</c> keeps the clocks to restore.
/// </summary>
public sealed record ControlServiceOptions
{
    /// <summary>Where JetPack installs <c>nvpmodel</c> and <c>jetson_clocks</c>, searched even when PATH lacks them (a systemd unit's PATH).</summary>
    public const string ToolDirectories = "/usr/bin:/usr/sbin";

    public string Root { get; init; } = "/";

    /// <summary>
    /// Directories searched for the tools, PATH style. The library never reads the environment: the executable passes
    /// <see cref="SearchPathFrom"/> of its PATH; without it only <see cref="ToolDirectories"/> are searched.
    /// </summary>
    public string SearchPath { get; init; } = ToolDirectories;

    /// <summary>The file <c>jetson_clocks --store</c> writes before Aura turns the clocks on, and <c>--restore</c> reads to turn them off.</summary>
    public string ClocksStorePath { get; init; } = "/var/lib/aura/l4t_dfs.conf";

    /// <summary>Whether this process may change hardware; root on Linux. Replaceable so tests can play an unprivileged daemon.</summary>
    public Func<bool> IsPrivileged { get; init; } = () => Environment.IsPrivilegedProcess;

    /// <summary>How long a tool may run before it is killed and the change reported failed.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The search path for a process whose PATH is <paramref name="processPath"/>: that PATH, then <see cref="ToolDirectories"/>.</summary>
    public static string SearchPathFrom(string? processPath) =>
        string.IsNullOrEmpty(processPath) ? ToolDirectories : processPath + Path.PathSeparator + ToolDirectories;
}
