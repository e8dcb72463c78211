namespace Aura.Cli.Events;

/// <summary>An `aura events` command could not do its job (no key, key refused, no daemon): one line for stderr, exit 1.</summary>
internal sealed class EventsClientException : Exception
{
    public EventsClientException()
    {
    }

    public EventsClientException(string message)
        : base(message)
    {
    }

    public EventsClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
