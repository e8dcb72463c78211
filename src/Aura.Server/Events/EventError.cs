namespace Aura.Server.Events;

/// <summary>What is wrong with a posted event: the field at fault (e.g. <c>source</c>, <c>events[3].level</c>) and why.</summary>
internal readonly record struct EventError(string Field, string Detail)
{
    public EventError At(string prefix) => new($"{prefix}.{Field}", Detail);
}
