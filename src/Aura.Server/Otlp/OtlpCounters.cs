namespace Aura.Server.Otlp;

/// <summary>What the exporter has done since it started: shown in /api/health, /metrics (<c>aura_otlp_*</c>) and `aura status`.</summary>
public sealed class OtlpCounters
{
    private long _metricExports;
    private long _metricPoints;
    private long _logRecords;
    private long _droppedMetricExports;
    private long _droppedLogRecords;
    private long _failedRequests;
    private long _retries;
    private long _lastSuccessUnixMs;
    private string? _lastError;

    /// <summary>Metric exports the collector accepted.</summary>
    public long MetricExports => Interlocked.Read(ref _metricExports);

    /// <summary>Data points in the accepted metric exports.</summary>
    public long MetricPoints => Interlocked.Read(ref _metricPoints);

    /// <summary>Events the collector accepted as log records.</summary>
    public long LogRecords => Interlocked.Read(ref _logRecords);

    /// <summary>Metric exports given up on: the queue was full, or every try failed.</summary>
    public long DroppedMetricExports => Interlocked.Read(ref _droppedMetricExports);

    /// <summary>Events never exported: the queue was full, or every try failed.</summary>
    public long DroppedLogRecords => Interlocked.Read(ref _droppedLogRecords);

    /// <summary>Requests that failed (a network error, a timeout, or an error status), retried or not.</summary>
    public long FailedRequests => Interlocked.Read(ref _failedRequests);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>When the collector last accepted an export; null before it ever did.</summary>
    public DateTimeOffset? LastSuccess => Interlocked.Read(ref _lastSuccessUnixMs) is > 0 and var ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>The latest failure, e.g. "HTTP 503" or "connection refused"; null once an export succeeds again.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void MetricsSent(int points, DateTimeOffset now)
    {
        Interlocked.Increment(ref _metricExports);
        Interlocked.Add(ref _metricPoints, points);
        Succeeded(now);
    }

    internal void LogsSent(int records, DateTimeOffset now)
    {
        Interlocked.Add(ref _logRecords, records);
        Succeeded(now);
    }

    internal void MetricsDropped() => Interlocked.Increment(ref _droppedMetricExports);

    internal void LogsDropped(int records) => Interlocked.Add(ref _droppedLogRecords, records);

    internal void Failed(string error)
    {
        Interlocked.Increment(ref _failedRequests);
        Volatile.Write(ref _lastError, error);
    }

    internal void Retried() => Interlocked.Increment(ref _retries);

    private void Succeeded(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastSuccessUnixMs, now.ToUnixTimeMilliseconds());
        Volatile.Write(ref _lastError, null);
    }
}
