using Aura.Core.Events;

namespace Aura.Storage.Events;

/// <summary>
/// An event to store, already validated: Argus's fields, the time as UTC microseconds since the epoch, and the data
/// object as its UTF-8 JSON text (or empty for none).
/// </summary>
public sealed record NewEvent(string Source, string EventType, EventLevel Level, string? Message, long TimestampMicros, ReadOnlyMemory<byte> Data);
