using Aura.Storage.Events;
using Aura.Storage.Tests.Support;
using Microsoft.Extensions.Logging;

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
        // The writer commits at least the next request while the flush is held (then waits for the sync thread).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (log.Count() < 2 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(5);
        }

        // Committed (a reader sees them) but the flush has not returned: nobody is answered, nothing is published.
        log.Count().ShouldBeGreaterThanOrEqualTo(2);
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
    public async Task FullSync_AFailedFlush_FailsItsRequestsAndEveryLaterOne_UntilTheLogIsReopened()
    {
        using var temp = new TempEventLog();
        long stored;
        using (var log = EventLog.Open(Options(temp, EventSync.Full), new FakeTimeProvider(T0), new FailingOnceSync()))
        {
            var reported = new List<Exception>();
            var published = 0;
            log.CommitFailed += reported.Add;
            log.Committed += events => Interlocked.Add(ref published, events.Count);

            var error = await Should.ThrowAsync<EventLogException>(() => log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None));
            var later = await Should.ThrowAsync<EventLogException>(() => log.AppendBatchAsync([TempEventLog.Event("a", "x", T0)], CancellationToken.None));

            error.Message.ShouldContain("fsync");
            error.Message.ShouldContain(temp.Path);
            error.Message.ShouldContain("until it is reopened");
            later.ShouldBeSameAs(error);
            reported.ShouldHaveSingleItem().ShouldBeSameAs(error);
            Volatile.Read(ref published).ShouldBe(0);
            stored = log.Count();
        }

        // Reopened with a working disk: the log takes events again (the failed commit's row is there, never acknowledged).
        using var reopened = temp.Open(new FakeTimeProvider(T0));
        var id = await reopened.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);
        reopened.Count().ShouldBe(stored + 1);
        reopened.Query(new EventQuery())![0].Id.ShouldBe(id);
    }

    [Fact]
    public async Task FullSync_AFailedFlush_IsLoggedAsAStorageFaultNamingTheFile()
    {
        using var temp = new TempEventLog();
        var logger = new RecordingLogger();
        using var log = EventLog.Open(Options(temp, EventSync.Full), new FakeTimeProvider(T0), new FailingOnceSync(), logger);

        var error = await Should.ThrowAsync<EventLogException>(() => log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None));

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Id.ShouldBe(2100);
        entry.Message.ShouldContain($"storing events in {temp.Path} failed");
        entry.Message.ShouldContain(error.Message);
    }

    [Fact]
    public async Task FullSync_ThroughASymlink_FlushesTheWalSqliteWrites()
    {
        using var temp = new TempEventLog();
        var directory = System.IO.Path.GetDirectoryName(temp.Path)!;
        var real = System.IO.Path.Combine(directory, "real.sqlite");
        var link = System.IO.Path.Combine(directory, "link.sqlite");
        File.WriteAllBytes(real, []);
        File.CreateSymbolicLink(link, real);

        using var log = EventLog.Open(new EventLogOptions { Path = link, Sync = EventSync.Full, BackgroundRetention = false }, new FakeTimeProvider(T0));
        var id = await log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);

        // The flush opens the WAL only if it exists (it never creates one), so the acknowledgement proves it found it.
        id.ShouldBe(1);
        new[] { real + "-wal", link + "-wal" }.Count(File.Exists).ShouldBe(1);
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
