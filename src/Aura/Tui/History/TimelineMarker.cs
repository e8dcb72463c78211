namespace Aura.Tui.History;

/// <summary>An event on the History timeline: when, and its level (error, warn, info, ...) for the colour.</summary>
internal readonly record struct TimelineMarker(DateTimeOffset Time, string Level);
