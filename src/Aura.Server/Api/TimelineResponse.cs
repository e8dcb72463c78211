using System.Collections.Immutable;

namespace Aura.Server.Api;

/// <summary><c>/api/timeline</c>: the series asked for, the tier that answered ("raw", "minute", "hour"), the window in epoch seconds, and its points.</summary>
public sealed record TimelineResponse(string Series, string Tier, double From, double To, ImmutableArray<TimelinePointJson> Points)
{
    /// <summary>The events stored in the window, oldest first (at most <see cref="MaxEvents"/>, the newest kept); absent without an event log.</summary>
    public ImmutableArray<TimelineEventJson>? Events { get; init; }

    public const int MaxEvents = 1000;
}
