using Aura.Core.Events;

namespace Aura.Storage.Events;

/// <summary>
/// A filtered, newest-first read: exact matches on source, type and level; an inclusive time window in UTC microseconds;
/// <see cref="BeforeId"/> continues a previous page after its last event.
/// </summary>
public sealed record EventQuery
{
    public string? Source { get; init; }

    public string? EventType { get; init; }

    public EventLevel? Level { get; init; }

    public long? SinceMicros { get; init; }

    public long? UntilMicros { get; init; }

    public long? BeforeId { get; init; }

    public int Limit { get; init; } = 100;
}
