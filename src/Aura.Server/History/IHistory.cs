namespace Aura.Server.History;

/// <summary>
/// The DVR's read side as the HTTP API needs it. Arguments arrive validated (known series family, since ≤ until,
/// points within limits); implementations answer from whichever tier suits the window.
/// </summary>
public interface IHistory
{
    /// <summary>At most <paramref name="points"/> buckets over [since, until], oldest first; null when the series was never recorded.</summary>
    ValueTask<IReadOnlyList<TimelinePoint>?> TimelineAsync(string series, DateTimeOffset since, DateTimeOffset until, int points, CancellationToken cancellationToken);

    /// <summary>The top processes of the recorded tick nearest at or before <paramref name="at"/>; null when nothing was recorded by then.</summary>
    ValueTask<ProcessesAt?> ProcessesAtAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every process seen in the top-k during [since, until], with its peak and mean usage, busiest first.</summary>
    ValueTask<IReadOnlyList<ProcessActivity>> ProcessesBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    ValueTask<DbStats> StatsAsync(CancellationToken cancellationToken);
}
