using Aura.Server.Sampling;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Sampling;

public sealed class SnapshotHubTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Publish_NumbersTicksFromOne_AndKeepsTheLatest()
    {
        var hub = new SnapshotHub();
        hub.Latest.ShouldBeNull();

        hub.Publish(FakeSource.Build(T0, 1), TimeSpan.Zero);
        var second = hub.Publish(FakeSource.Build(T0.AddSeconds(1), 2), TimeSpan.Zero);

        hub.Ticks.ShouldBe(2);
        hub.Latest.ShouldBeSameAs(second);
    }

    [Fact]
    public void Subscribe_ReaderFallsBehind_KeepsOnlyTheNewestFrame()
    {
        var hub = new SnapshotHub();
        using var subscription = hub.Subscribe();

        for (var i = 1; i <= 5; i++)
        {
            hub.Publish(FakeSource.Build(T0.AddSeconds(i), i), TimeSpan.Zero);
        }

        subscription.Reader.TryRead(out var frame).ShouldBeTrue();
        frame!.Tick.ShouldBe(5, "a slow reader skips to the newest tick instead of queueing old ones");
        subscription.Reader.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public void Dispose_Subscription_StopsDelivery()
    {
        var hub = new SnapshotHub();
        var subscription = hub.Subscribe();
        hub.SubscriberCount.ShouldBe(1);

        subscription.Dispose();
        hub.Publish(FakeSource.Build(T0, 1), TimeSpan.Zero);

        hub.SubscriberCount.ShouldBe(0);
        subscription.Reader.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WaitForTickAsync_NextPublish_Completes()
    {
        var hub = new SnapshotHub();
        hub.Publish(FakeSource.Build(T0, 1), TimeSpan.Zero);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var waiting = hub.WaitForTickAsync(1, timeout.Token);
        waiting.IsCompleted.ShouldBeFalse();
        hub.Publish(FakeSource.Build(T0.AddSeconds(1), 2), TimeSpan.Zero);

        (await waiting).Tick.ShouldBe(2);
        (await hub.WaitForTickAsync(0, timeout.Token)).Tick.ShouldBe(2, "a tick already past returns at once");
    }

    [Fact]
    public void TickFrame_RenderedOnce_SharedByEveryCaller()
    {
        var hub = new SnapshotHub();
        var frame = hub.Publish(FakeSource.Build(T0, 1), TimeSpan.Zero);
        var renders = 0;
        byte[] Render(TickFrame f)
        {
            Interlocked.Increment(ref renders);
            return [1, 2, 3];
        }

        var results = new byte[16][];
        Parallel.For(0, results.Length, i => results[i] = frame.Metrics(Render));

        renders.ShouldBe(1);
        results.ShouldAllBe(bytes => ReferenceEquals(bytes, results[0]));
    }
}
