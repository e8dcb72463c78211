namespace Aura.Server.Api;

/// <summary>An event marker on the timeline: its id, <c>t</c> in epoch seconds (and as ISO 8601), source, type, level and message.</summary>
public sealed record TimelineEventJson(long Id, double T, string Time, string Source, string EventType, string Level, string? Message);
