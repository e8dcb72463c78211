namespace Aura.Storage.Events;

/// <summary>The event log cannot be opened or written: the message says which file and why.</summary>
public sealed class EventLogException : Exception
{
    public EventLogException()
    {
    }

    public EventLogException(string message)
        : base(message)
    {
    }

    public EventLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
