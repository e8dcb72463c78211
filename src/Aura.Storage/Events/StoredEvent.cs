namespace Aura.Storage.Events;

/// <summary>An event and the id the log gave it.</summary>
public readonly record struct StoredEvent(long Id, NewEvent Event);
