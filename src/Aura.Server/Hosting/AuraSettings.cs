using Aura.Core.Config;
using Aura.Server.Events;
using Aura.Telemetry;

namespace Aura.Server.Hosting;

/// <summary>
/// Everything the daemon is built from, resolved once (flags, then environment, then aura.toml, then defaults) by
/// <see cref="AuraSettingsResolver"/> and validated there; <see cref="AuraDaemon"/> reads nothing else.
/// </summary>
public sealed record AuraSettings
{
    /// <summary>The config file and the DVR's path, retention and tuning.</summary>
    public AuraConfig Config { get; init; } = AuraConfig.None;

    /// <summary>The HTTP, socket, auth, limits and OTLP settings.</summary>
    public ServerOptions Server { get; init; } = new();

    /// <summary>The event log's path and settings; no log when there is no path.</summary>
    public EventSettings Events { get; init; } = new(null, false, "default");

    /// <summary>The sampler's root, interval, tegrastats feed and tool search path.</summary>
    public SamplerOptions Sampler { get; init; } = new();

    /// <summary>
    /// The root hardware controls and Jetson detection look under ("/" for `aura serve`); null for neither, as a test
    /// server that must not touch this machine's hardware wants.
    /// </summary>
    public string? HardwareRoot { get; init; }

    /// <summary>Where `jetson_clocks --store` keeps the clocks Aura restores: next to the DVR, else in /var/lib/aura.</summary>
    public string ClocksStorePath => Path.Combine(Path.GetDirectoryName(Config.DbPath ?? "") is { Length: > 0 } dvr ? dvr : "/var/lib/aura", "l4t_dfs.conf");

    /// <summary>Write logs to standard error as JSON lines.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Lines to print on standard error before starting, e.g. the config keys Aura does not use.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
