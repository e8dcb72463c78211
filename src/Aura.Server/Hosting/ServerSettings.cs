using System.Collections.Immutable;
using Aura.Server.Auth;

namespace Aura.Server.Hosting;

/// <summary>The <c>[server]</c> settings of <c>aura.toml</c>; null where the file does not set one.</summary>
public sealed record ServerSettings
{
    public static ServerSettings None { get; } = new();

    public string? Host { get; init; }

    public int? Port { get; init; }

    public double? IntervalSeconds { get; init; }

    public string? SocketPath { get; init; }

    public ApiKeySet Keys { get; init; } = ApiKeySet.Empty;

    public string? MetricsToken { get; init; }

    public ImmutableArray<string> CorsOrigins { get; init; } = [];

    /// <summary><c>live_stats_origins</c>: replaces the default local origins of the public live stats; null when not set.</summary>
    public ImmutableArray<string>? LiveStatsOrigins { get; init; }

    /// <summary><c>host_name</c>: the name this host goes by in a fleet (/metrics' <c>aura_host_info</c>, OTLP's <c>host.name</c>).</summary>
    public string? HostName { get; init; }
}
