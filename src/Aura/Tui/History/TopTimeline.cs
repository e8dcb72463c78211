using System.Collections.Immutable;
using Aura.Storage.Dvr;

namespace Aura.Tui.History;

/// <summary>What the History view draws: the series over its window and the event markers in it (null: use the event tail).</summary>
internal sealed record TopTimeline(TimelineResult Result, ImmutableArray<TimelineMarker>? Markers);
