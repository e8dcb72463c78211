namespace Aura.Server.ClaraVerse;

/// <summary>
/// <c>/api/health</c>: ClaraVerse's status, service, timestamp and activeConnections, plus the server's uptime in seconds,
/// the ticks sampled since it started, the tick interval in seconds, and Aura's version. <c>status</c> is
/// <c>degraded</c> when sampling has stalled or storage is failing; <c>reason</c> then says why, and
/// <c>storageErrors</c> counts the DVR and event-log write failures since start; <c>otlp</c> when exporting.
/// </summary>
public sealed record ClaraHealth(
    string Status,
    string Service,
    string Version,
    DateTimeOffset Timestamp,
    double Uptime,
    long Ticks,
    int ActiveConnections,
    double Interval,
    long StorageErrors = 0,
    string? Reason = null)
{
    /// <summary>The OTLP exporter's state; null (left out) when export is off.</summary>
    public Otlp.OtlpHealth? Otlp { get; init; }
}
