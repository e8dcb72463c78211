using System.Threading.Channels;

namespace Aura.Server.Sampling;

/// <summary>
/// A client's feed of ticks. It holds at most a few frames and drops the oldest when the client falls behind, so a slow
/// reader skips ticks instead of slowing the sampler or anyone else. Dispose to unsubscribe.
/// </summary>
public sealed class SnapshotSubscription : IDisposable
{
    private readonly SnapshotHub _hub;
    private readonly Channel<TickFrame> _channel;

    internal SnapshotSubscription(SnapshotHub hub, int capacity)
    {
        _hub = hub;
        _channel = Channel.CreateBounded<TickFrame>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        });
    }

    public ChannelReader<TickFrame> Reader => _channel.Reader;

    internal bool Offer(TickFrame frame) => _channel.Writer.TryWrite(frame);

    public void Dispose()
    {
        _hub.Remove(this);
        _channel.Writer.TryComplete();
    }
}
