using Aura.Storage.Dvr;

namespace Aura.Server.History;

/// <summary>
/// History read from a DVR file through its own read-only connection, so queries never wait on the writer (which may
/// be this server's recorder or another process). Calls are short synchronous SQLite reads, serialised by the reader.
/// </summary>
public sealed class DvrHistory(DvrReader reader) : IHistory, IDisposable
{
    /// <summary>How far before a moment <see cref="ValuesAtAsync"/> looks for a recorded tick (a few slow ticks, or a short gap).</summary>
    public static readonly TimeSpan ValuesLookback = TimeSpan.FromMinutes(2);

    public ValueTask<TimelineResult?> TimelineAsync(string series, DateTimeOffset since, DateTimeOffset until, int points, CancellationToken cancellationToken)
    {
        var result = reader.Timeline(series, since, until, points);
        if (result.Points.IsEmpty && !IsRecorded(series))
        {
            return ValueTask.FromResult<TimelineResult?>(null);
        }

        return ValueTask.FromResult<TimelineResult?>(result);
    }

    public ValueTask<DvrProcessTick?> ProcessesAtAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(reader.ProcessesAt(at));

    public ValueTask<DvrTick?> ValuesAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ticks = reader.Range(at - ValuesLookback, at);
        return ValueTask.FromResult(ticks.Count == 0 ? null : ticks[^1]);
    }

    public ValueTask<IReadOnlyList<DvrProcessUsage>> TopProcessesAsync(DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult(reader.TopProcesses(since, until, limit));

    public ValueTask<DvrStats> StatsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(reader.Stats());

    public void Dispose() => reader.Dispose();

    private bool IsRecorded(string series)
    {
        foreach (var info in reader.ListSeries())
        {
            if (string.Equals(info.Key, series, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
