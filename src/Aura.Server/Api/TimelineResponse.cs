using System.Collections.Immutable;

namespace Aura.Server.Api;

/// <summary><c>/api/timeline</c>: the series asked for, the tier that answered ("raw", "minute", "hour"), the window in epoch seconds, and its points.</summary>
public sealed record TimelineResponse(string Series, string Tier, double From, double To, ImmutableArray<TimelinePointJson> Points);
