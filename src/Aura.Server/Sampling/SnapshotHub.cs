using Aura.Core.Model;

namespace Aura.Server.Sampling;

/// <summary>
/// The latest tick and everyone waiting for the next one. The sampler publishes; clients read <see cref="Latest"/> or
/// subscribe. Publishing never waits on a client.
/// </summary>
public sealed class SnapshotHub
{
    private readonly Lock _gate = new();
    private SnapshotSubscription[] _subscribers = [];
    private TickFrame? _latest;
    private TaskCompletionSource<TickFrame> _next = NewWaiter();

    /// <summary>The most recent tick, or null before the first one.</summary>
    public TickFrame? Latest => Volatile.Read(ref _latest);

    /// <summary>Ticks published since the server started.</summary>
    public long Ticks => Latest?.Tick ?? 0;

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Subscribes to every later tick; <paramref name="capacity"/> frames are kept for a reader that falls behind.</summary>
    public SnapshotSubscription Subscribe(int capacity = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new SnapshotSubscription(this, capacity);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    /// <summary>Waits for a tick numbered above <paramref name="afterTick"/> (returns at once when there already is one).</summary>
    public async Task<TickFrame> WaitForTickAsync(long afterTick, CancellationToken cancellationToken)
    {
        while (true)
        {
            var waiter = Volatile.Read(ref _next);
            if (Latest is { } latest && latest.Tick > afterTick)
            {
                return latest;
            }

            await waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Publishes a snapshot as the next tick. Only the sampler calls this, from one thread at a time.</summary>
    internal TickFrame Publish(Snapshot snapshot, TimeSpan sampleDuration)
    {
        var frame = new TickFrame(snapshot, Ticks + 1, sampleDuration);
        Volatile.Write(ref _latest, frame);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(frame);
        }

        Interlocked.Exchange(ref _next, NewWaiter()).TrySetResult(frame);
        return frame;
    }

    internal void Remove(SnapshotSubscription subscription)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscription);
            if (index < 0)
            {
                return;
            }

            var remaining = new SnapshotSubscription[_subscribers.Length - 1];
            Array.Copy(_subscribers, 0, remaining, 0, index);
            Array.Copy(_subscribers, index + 1, remaining, index, remaining.Length - index);
            _subscribers = remaining;
        }
    }

    private static TaskCompletionSource<TickFrame> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
