using System.Collections.Immutable;
using Aura.Server.Auth;

namespace Aura.Server.Hosting;

/// <summary>Everything <see cref="AuraServer"/> needs to know, already validated and resolved (flags, config, environment).</summary>
public sealed record ServerOptions
{
    public const int DefaultPort = 8765;

    /// <summary>An IP address or "localhost". Non-loopback addresses are refused unless <see cref="Keys"/> has keys.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read it back from <see cref="AuraServer.Address"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Time between ticks.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where to serve JetsonScope's UNIX-socket protocol; null for no socket.</summary>
    public string? SocketPath { get; init; }

    /// <summary>
    /// A second path for the same socket server (JetsonScope's legacy <c>tegrastats.sock</c>), made as safely as the first;
    /// where it cannot be (anything but a stale socket of ours is there), a warning, and the daemon serves on without it.
    /// </summary>
    public string? LegacySocketPath { get; init; }

    public ApiKeySet Keys { get; init; } = ApiKeySet.Empty;

    /// <summary>When set, <c>/metrics</c> also accepts <c>Authorization: Bearer</c> with this token (JetsonScope's metrics token).</summary>
    public string? MetricsToken { get; init; }

    /// <summary>When set, socket <c>SetControl</c> requests may also carry this token (JetsonScope's auth token).</summary>
    public string? ControlToken { get; init; }

    /// <summary>
    /// The secret in the login link (<c>/?token=</c>) that turns into a session cookie with <see cref="LoginScopes"/>. Null makes a
    /// random one per start, like Jupyter.
    /// </summary>
    public string? LoginToken { get; init; }

    /// <summary>What the login link's session may do: every scope unless narrowed (<c>aura serve --login-scopes read</c>).</summary>
    public ApiScopes LoginScopes { get; init; } = ApiScopes.All;

    /// <summary>Origins allowed to call the whole API from a browser (keys still apply); none by default.</summary>
    public ImmutableArray<string> CorsOrigins { get; init; } = [];

    /// <summary>Origins allowed to read the public live stats from a browser (ClaraVerse's widgets): local pages by default.</summary>
    public ImmutableArray<string> LiveStatsOrigins { get; init; } = Cors.CorsRules.DefaultLiveStatsOrigins;

    /// <summary>
    /// A second address serving only Prometheus metrics, at <c>/</c> and <c>/metrics</c> (JetsonScope's
    /// <c>JETSONSCOPE_HTTP_ADDR</c>); null for none. A non-loopback one needs API keys or a metrics token.
    /// </summary>
    public System.Net.IPEndPoint? MetricsListen { get; init; }

    public ServerLimits Limits { get; init; } = new();

    /// <summary>Append a health line (JSON) to this file every <see cref="HealthLogInterval"/>; null for none.</summary>
    public string? HealthLogPath { get; init; }

    public TimeSpan HealthLogInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Export the series and events over OTLP; null for no export.</summary>
    public Otlp.OtlpOptions? Otlp { get; init; }

    /// <summary>
    /// The name this host goes by in a fleet (<c>aura_host_info{host=...}</c> on /metrics, <c>host.name</c> in OTLP);
    /// null takes the kernel's hostname.
    /// </summary>
    public string? HostName { get; init; }
}
