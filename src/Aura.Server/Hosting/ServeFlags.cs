using Aura.Server.Auth;

namespace Aura.Server.Hosting;

/// <summary>What `aura serve`'s flags said, already parsed; null where a flag was not given.</summary>
public sealed record ServeFlags
{
    public static ServeFlags None { get; } = new();

    public string? Host { get; init; }

    public int? Port { get; init; }

    public double? IntervalSeconds { get; init; }

    /// <summary><c>--config</c>: the aura.toml to read instead of the platform default.</summary>
    public string? ConfigFile { get; init; }

    public string? DbPath { get; init; }

    public string? SocketPath { get; init; }

    /// <summary><c>--legacy-socket</c> (set by the <c>jscoped</c> name): JetsonScope's legacy socket path, served too where safe.</summary>
    public string? LegacySocketPath { get; init; }

    public string? EventsPath { get; init; }

    /// <summary>The event log's path when nothing else names one (the <c>argus</c> name sets it).</summary>
    public string? DefaultEventsPath { get; init; }

    public ApiScopes? LoginScopes { get; init; }

    public bool JsonLogs { get; init; }
}
