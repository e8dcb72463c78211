using System.Collections.Immutable;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>
/// Fans durable events out to live subscribers. It runs on the event log's sync thread right after the flush that made
/// them durable, so it only serializes each matching event once and offers the same bytes to every subscriber without waiting.
/// </summary>
internal sealed class EventHub
{
    private readonly Lock _gate = new();
    private ImmutableArray<EventSubscriber> _subscribers = [];

    public int Count => _subscribers.Length;

    public void Add(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscriber);
        }
    }

    public void Remove(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscriber);
        }
    }

    public void Publish(IReadOnlyList<StoredEvent> committed)
    {
        var subscribers = _subscribers;
        if (subscribers.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < committed.Count; i++)
        {
            var stored = committed[i];
            byte[]? frame = null;
            foreach (var subscriber in subscribers)
            {
                if (subscriber.Filter.Matches(stored.Event))
                {
                    frame ??= EventJson.Frame(stored);
                    subscriber.Offer(frame);
                }
            }
        }
    }
}
