namespace Aura.Server.Jetson;

/// <summary>
/// JetsonScope's <c>DaemonHealth</c> (uptime_secs, total_requests, errors, last_error, connected_clients, stats_collected),
/// plus Aura's status, version, tick interval and time of the report, which JetsonScope clients ignore. <c>errors</c>
/// and <c>last_error</c> include storage failures; <c>reason</c> says why the status is degraded.
/// </summary>
public sealed record DaemonHealthView(
    ulong UptimeSecs,
    ulong TotalRequests,
    ulong Errors,
    string? LastError,
    int ConnectedClients,
    ulong StatsCollected,
    string Status,
    string Version,
    double IntervalSeconds,
    DateTimeOffset Timestamp,
    string? Reason = null);
