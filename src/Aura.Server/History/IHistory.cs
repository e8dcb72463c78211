using Aura.Storage.Dvr;

namespace Aura.Server.History;

/// <summary>
/// The DVR's read side as the HTTP API needs it. Arguments arrive validated (known series family, since ≤ until,
/// points and limit within bounds). <see cref="DvrHistory"/> is the real one; tests may stand in their own.
/// </summary>
public interface IHistory
{
    /// <summary>At most <paramref name="points"/> points over [since, until], oldest first; null when the series was never recorded.</summary>
    ValueTask<TimelineResult?> TimelineAsync(string series, DateTimeOffset since, DateTimeOffset until, int points, CancellationToken cancellationToken);

    /// <summary>The top processes of the recorded tick nearest at or before <paramref name="at"/>; null when nothing was recorded by then.</summary>
    ValueTask<DvrProcessTick?> ProcessesAtAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every series value of the recorded tick nearest at or before <paramref name="at"/> (within a few minutes); null when there is none.</summary>
    ValueTask<DvrTick?> ValuesAtAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The processes that used the most CPU time in [since, until], most first ("who caused the spike").</summary>
    ValueTask<IReadOnlyList<DvrProcessUsage>> TopProcessesAsync(DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken);

    ValueTask<DvrStats> StatsAsync(CancellationToken cancellationToken);
}
