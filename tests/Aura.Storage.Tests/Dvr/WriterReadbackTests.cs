using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Aura.Storage.Tests.Dvr;

public sealed class WriterReadbackTests : IDisposable
{
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch.AddDays(1));

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void Latest_AfterFlushBeforeSeal_ReturnsNewestTicksAscending()
    {
        using var writer = Open();
        foreach (var snapshot in Snapshots.Series(Snapshots.Epoch, 10))
        {
            writer.Append(snapshot);
        }

        writer.Flush();

        using var reader = DvrReader.Open(_dvr.Path);
        var latest = reader.Latest(3);
        latest.Select(t => t.Timestamp).ShouldBe([Snapshots.Epoch.AddSeconds(7), Snapshots.Epoch.AddSeconds(8), Snapshots.Epoch.AddSeconds(9)]);
        _dvr.Count("SELECT COUNT(*) FROM blocks").ShouldBe(0, "the block is still open: these came from head rows");
    }

    [Fact]
    public void Range_AfterSeal_EverySeriesRoundTripsAtPrecision()
    {
        var snapshots = Snapshots.Series(Snapshots.Epoch.AddMinutes(30), 2 * 3600).ToList();
        using (var writer = Open())
        {
            foreach (var snapshot in snapshots)
            {
                writer.Append(snapshot);
            }
        }

        _dvr.Count("SELECT COUNT(*) FROM blocks").ShouldBe(3, "two hours from half past cross two hour boundaries");
        using var reader = DvrReader.Open(_dvr.Path);
        var ticks = reader.Range(null, null);
        ticks.Count.ShouldBe(snapshots.Count);
        for (var i = 0; i < snapshots.Count; i += 97)
        {
            ticks[i].Timestamp.ShouldBe(snapshots[i].Timestamp);
            var expected = SeriesValues.Of(snapshots[i]);
            ticks[i].Values.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in expected)
            {
                ticks[i].Values[key].ShouldBe(value, key);
            }

            ticks[i].CpuPercent.ShouldBe(Math.Round(snapshots[i].Cpu.Total!.Value.Busy * 100, 2));
            ticks[i].MemoryPercent.ShouldBe(Math.Round(snapshots[i].Memory.UsedRatio * 100, 2));
        }
    }

    [Fact]
    public void Range_SinceUntil_ReturnsInclusiveWindowAscending()
    {
        using (var writer = Open())
        {
            foreach (var snapshot in Snapshots.Series(Snapshots.Epoch, 100))
            {
                writer.Append(snapshot);
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        var ticks = reader.Range(Snapshots.Epoch.AddSeconds(10), Snapshots.Epoch.AddSeconds(19), includeValues: false);
        ticks.Select(t => t.Timestamp).ShouldBe(Enumerable.Range(10, 10).Select(s => Snapshots.Epoch.AddSeconds(s)));
        reader.Range(Snapshots.Epoch.AddSeconds(200), null).ShouldBeEmpty();
    }

    [Fact]
    public void Latest_MoreThanStored_ReturnsAllAndZeroReturnsNone()
    {
        using (var writer = Open())
        {
            foreach (var snapshot in Snapshots.Series(Snapshots.Epoch, 5))
            {
                writer.Append(snapshot);
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        reader.Latest(50).Count.ShouldBe(5);
        reader.Latest(0).ShouldBeEmpty();
    }

    [Fact]
    public void Append_TimestampNotAfterLast_IsDroppedAndCounted()
    {
        using var writer = Open();
        writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(5))).ShouldBeTrue();
        writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(5))).ShouldBeFalse();
        writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(4))).ShouldBeFalse();
        writer.DroppedTicks.ShouldBe(2);
    }

    [Fact]
    public void Open_AfterDispose_ContinuesWithLaterTicks()
    {
        using (var writer = Open())
        {
            writer.Append(Snapshots.At(Snapshots.Epoch));
        }

        using (var writer = Open())
        {
            writer.Append(Snapshots.At(Snapshots.Epoch)).ShouldBeFalse("it is already stored");
            writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(1))).ShouldBeTrue();
        }

        using var reader = DvrReader.Open(_dvr.Path);
        reader.Range(null, null).Count.ShouldBe(2);
    }

    [Fact]
    public void Open_SecondWriterOnSameFile_IsRefused()
    {
        using var writer = Open();
        Should.Throw<DvrException>(Open).Message.ShouldContain("already open for writing");
    }

    [Fact]
    public void Open_WriterLeftHeadRows_SealsThemAndKeepsEveryFlushedTick()
    {
        // Copying the files while the writer is open is what a crash leaves behind: head rows, no seal.
        var copy = _dvr.Sibling("crashed.sqlite");
        using (var writer = Open())
        {
            foreach (var snapshot in Snapshots.Series(Snapshots.Epoch, 30))
            {
                writer.Append(snapshot);
            }

            writer.Flush();
            File.Copy(_dvr.Path, copy);
            File.Copy(_dvr.Path + "-wal", copy + "-wal");
        }

        using (DvrWriter.Open(new DvrOptions { Path = copy, BackgroundFlush = false }, _clock))
        {
        }

        using var reader = DvrReader.Open(copy);
        reader.Range(null, null).Select(t => t.Timestamp).ShouldBe(Snapshots.Series(Snapshots.Epoch, 30).Select(s => s.Timestamp));
    }

    [Fact]
    public void Append_SteadyState_AllocatesNothing()
    {
        // One-minute blocks: by the fourth minute both blocks have been filled, sealed and reused, their buffers grown.
        var snapshots = Snapshots.Series(Snapshots.Epoch, 236).ToList();
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false, BlockSpan = TimeSpan.FromMinutes(1) }, _clock);
        for (var i = 0; i <= 180; i++)
        {
            writer.Append(snapshots[i]);
            if (i % 60 == 59 || i == 180)
            {
                writer.Flush();
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 181; i < snapshots.Count; i++)
        {
            writer.Append(snapshots[i]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public async Task BackgroundFlush_RaisesFlushedWithTheLastTick()
    {
        var flushed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, FlushInterval = TimeSpan.FromMilliseconds(50) }, TimeProvider.System);
        writer.Flushed += (_, e) => flushed.TrySetResult(e.Through);
        writer.Append(Snapshots.At(Snapshots.Epoch));
        writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(1)));

        (await flushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(Snapshots.Epoch.AddSeconds(1));
    }

    [Fact]
    public async Task BackgroundFlush_FlushesStartFailing_LogsItOnceAndTheRecoveryOnce()
    {
        var logger = new RecordingLogger();
        var failures = 0;
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, FlushInterval = TimeSpan.FromMilliseconds(20) }, TimeProvider.System, logger);
        writer.FlushFailed += (_, _) => Interlocked.Increment(ref failures);
        writer.Append(Snapshots.At(Snapshots.Epoch));
        _dvr.Execute("ALTER TABLE head RENAME TO head_away");
        writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(1)));

        await Eventually(() => Volatile.Read(ref failures) >= 3, "flushes keep failing while the table is away");
        _dvr.Execute("ALTER TABLE head_away RENAME TO head");
        await Eventually(() => logger.Entries.Any(e => e.Id == 2001), "the recovery is logged");

        var failing = logger.Entries.Where(e => e.Id == 2000).ShouldHaveSingleItem();
        failing.Level.ShouldBe(LogLevel.Warning);
        failing.Message.ShouldContain($"DVR writes to {_dvr.Path} are failing");
        failing.Message.ShouldContain("head");
        logger.Entries.Count(e => e.Id == 2001).ShouldBe(1);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        condition().ShouldBeTrue(what);
    }

    private DvrWriter Open() => DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);
}
