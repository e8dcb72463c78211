using Aura.Core.Events;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>A live subscription's filter: the AND of exact matches on the fields given; none given matches everything.</summary>
internal sealed record EventFilter(string? Source, string? EventType, EventLevel? Level)
{
    public static EventFilter All { get; } = new(null, null, null);

    public bool Matches(NewEvent e) =>
        (Source is null || string.Equals(Source, e.Source, StringComparison.Ordinal))
        && (EventType is null || string.Equals(EventType, e.EventType, StringComparison.Ordinal))
        && (Level is null || Level == e.Level);
}
