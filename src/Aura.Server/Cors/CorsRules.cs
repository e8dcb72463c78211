using System.Collections.Immutable;

namespace Aura.Server.Cors;

/// <summary>
/// Which browser origins may read which answers. <see cref="Origins"/> (<c>[server] cors_origins</c>) may call every
/// endpoint, its key rules unchanged; <see cref="LiveStatsOrigins"/> (<c>[server] live_stats_origins</c>) may read the
/// public live stats ClaraVerse's widgets poll (<c>/api/health</c>, <c>/api/stats</c>, <c>/api/stats/*</c>), which by
/// default are pages served from this machine: localhost, 127.0.0.1, [::1] on any port, and Electron's <c>file://</c>.
/// </summary>
public sealed record CorsRules
{
    public static ImmutableArray<string> DefaultLiveStatsOrigins { get; } =
        ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*", "https://localhost:*", "https://127.0.0.1:*", "https://[::1]:*", "file://"];

    public ImmutableArray<string> Origins { get; init; } = [];

    public ImmutableArray<string> LiveStatsOrigins { get; init; } = DefaultLiveStatsOrigins;

    public bool Allows(string origin, string path)
    {
        foreach (var pattern in Origins)
        {
            if (OriginPattern.Matches(pattern, origin))
            {
                return true;
            }
        }

        if (!IsLiveStats(path))
        {
            return false;
        }

        foreach (var pattern in LiveStatsOrigins)
        {
            if (OriginPattern.Matches(pattern, origin))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsLiveStats(string path) =>
        path is "/api/health" or "/api/stats" || path.StartsWith("/api/stats/", StringComparison.Ordinal);
}
