using System.Collections.Immutable;

namespace Aura.Storage.Dvr;

/// <summary>A series over a window, reduced to at most the point budget; empty when the series has no data there.</summary>
public sealed record TimelineResult(string SeriesKey, DvrTier Tier, ImmutableArray<TimelinePoint> Points);
