using Aura.Storage.Events;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Events;

/// <summary>The sync thread: a commit is answered and published only after the WAL flush that follows it.</summary>
public sealed class EventDurabilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FullSync_AnswersAndPublishesOnlyAfterTheFlush()
    {
        using var temp = new TempEventLog();
        var sync = new GatedSync(); // the log owns it and disposes it
        using var log = EventLog.Open(Options(temp, EventSync.Full), new FakeTimeProvider(T0), sync);
        var published = new List<long>();
        log.Committed += events =>
        {
            lock (published)
            {
                published.AddRange(events.Select(e => e.Id));
            }
        };

        var first = log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);
        sync.Entered.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the sync thread never flushed");
        var more = Enumerable.Range(0, 3).Select(_ => log.AppendAsync(TempEventLog.Event("a", "y", T0), CancellationToken.None)).ToList();
        while (log.Count() < 4)
        {
            await Task.Delay(5);
        }

        // Committed (a reader sees all four) but the flush has not returned: nobody is answered, nothing is published.
        first.IsCompleted.ShouldBeFalse();
        more.ShouldAllBe(task => !task.IsCompleted);
        lock (published)
        {
            published.ShouldBeEmpty();
        }

        sync.Release.Set();
        var ids = new[] { await first }.Concat(await Task.WhenAll(more)).ToList();

        ids.Distinct().Count().ShouldBe(4);
        sync.Flushes.ShouldBeGreaterThanOrEqualTo(2);
        lock (published)
        {
            published.Order().ShouldBe(ids.Order());
        }
    }

    [Fact]
    public async Task FullSync_AFailedFlush_FailsItsRequestsReportsIt_AndTheLogGoesOn()
    {
        using var temp = new TempEventLog();
        var sync = new FailingOnceSync();
        using var log = EventLog.Open(Options(temp, EventSync.Full), new FakeTimeProvider(T0), sync);
        var reported = new List<Exception>();
        var published = 0;
        log.CommitFailed += reported.Add;
        log.Committed += events => Interlocked.Add(ref published, events.Count);

        var error = await Should.ThrowAsync<EventLogException>(() => log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None));
        var next = await log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);

        error.Message.ShouldContain("fsync");
        error.Message.ShouldContain(temp.Path);
        reported.ShouldHaveSingleItem().ShouldBeOfType<EventLogException>();
        log.Query(new EventQuery())!.Select(e => e.Id).ShouldContain(next);
        Volatile.Read(ref published).ShouldBe(1);
    }

    [Fact]
    public async Task NormalSync_AnswersWithoutFlushing()
    {
        using var temp = new TempEventLog();
        var sync = new GatedSync(); // the log owns it and disposes it
        using var log = EventLog.Open(Options(temp, EventSync.Normal), new FakeTimeProvider(T0), sync);

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None)));

        ids.Distinct().Count().ShouldBe(20);
        sync.Flushes.ShouldBe(0);
    }

    private static EventLogOptions Options(TempEventLog temp, EventSync sync) => new() { Path = temp.Path, Sync = sync, BackgroundRetention = false };

    /// <summary>A flush that waits for the test to release it.</summary>
    private sealed class GatedSync() : WalSync("unused")
    {
        private int _flushes;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int Flushes => Volatile.Read(ref _flushes);

        public override void Flush()
        {
            Interlocked.Increment(ref _flushes);
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
        }

        public override void Dispose()
        {
            Release.Set();
            Entered.Dispose();
            Release.Dispose();
            base.Dispose();
        }
    }

    /// <summary>A flush that fails the first time, as a disk error would, and succeeds after.</summary>
    private sealed class FailingOnceSync() : WalSync("unused")
    {
        private int _calls;

        public override void Flush()
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new IOException("Input/output error");
            }
        }
    }
}
