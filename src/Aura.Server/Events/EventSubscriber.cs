using System.Threading.Channels;

namespace Aura.Server.Events;

/// <summary>
/// One live client's outbox. The hub only ever tries to write: when the outbox is full the subscriber is marked too slow
/// and its outbox closed, so it can never hold up ingestion or the other subscribers.
/// </summary>
internal sealed class EventSubscriber
{
    private readonly Channel<byte[]> _outbox;
    private volatile EventFilter _filter = EventFilter.All;
    private volatile string? _closeReason;

    public EventSubscriber(int capacity)
    {
        Capacity = capacity;
        _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int Capacity { get; }

    public EventFilter Filter
    {
        get => _filter;
        set => _filter = value;
    }

    public ChannelReader<byte[]> Outbox => _outbox.Reader;

    /// <summary>Why the server ended this subscription (too slow, auth timeout...), or null.</summary>
    public string? CloseReason => _closeReason;

    /// <summary>Queues a frame; false (and the subscriber cut off) when its outbox is full.</summary>
    public bool Offer(byte[] frame)
    {
        if (_outbox.Writer.TryWrite(frame))
        {
            return true;
        }

        End($"too slow: more than {Capacity} messages waiting; reconnect and catch up with GET /events?before_id=...");
        return false;
    }

    /// <summary>
    /// Stops the outbox; the sender closes the socket with <paramref name="reason"/> (1008) once it has sent what is
    /// queued, or normally when the reason is null (the client closed).
    /// </summary>
    public void End(string? reason)
    {
        if (_outbox.Reader.Completion.IsCompleted)
        {
            return;
        }

        _closeReason ??= reason;

        _outbox.Writer.TryComplete();
    }
}
