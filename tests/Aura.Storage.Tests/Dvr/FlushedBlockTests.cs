using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Dvr;

/// <summary>
/// A flush hands the open block's bytes to the head table, so the writer holds seconds of values in memory rather than
/// the block's hour; the block is rebuilt from its head rows when it seals, losing nothing.
/// </summary>
public sealed class FlushedBlockTests : IDisposable
{
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch.AddDays(1));

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void Flush_KeepsNoneOfTheFlushedTicksInMemory()
    {
        var snapshots = Ticks(Snapshots.Epoch, 600);
        using var writer = Open();
        long fiveTicks = 0;
        for (var i = 0; i < snapshots.Count; i++)
        {
            writer.Append(snapshots[i]);
            if (i % 5 == 4)
            {
                fiveTicks = Math.Max(fiveTicks, writer.BufferedBytes);
                writer.Flush();
                writer.BufferedBytes.ShouldBe(0, $"after the flush at tick {i}");
            }
        }

        fiveTicks.ShouldBeGreaterThan(0);
        writer.Append(snapshots[0] with { Timestamp = snapshots[^1].Timestamp.AddSeconds(1) });
        writer.BufferedBytes.ShouldBeInRange(1, fiveTicks, "one tick since the flush, not the block's ten minutes");
    }

    [Fact]
    public void Seal_AfterFlushesAndASeriesAppearingMidBlock_EveryTickRoundTrips()
    {
        // Two hours from half past: three blocks, each flushed every 5 ticks; a GPU appears in the second one.
        var snapshots = Ticks(Snapshots.Epoch.AddMinutes(30), 7200)
            .Select((s, i) => i < 2500 ? s : s with { Gpus = [Snapshots.Gpu(i)] })
            .ToList();
        var flushedTicks = 0;
        var sealedBlocks = 0;
        using (var writer = Open())
        {
            writer.Flushed += (_, e) =>
            {
                flushedTicks += e.Ticks;
                sealedBlocks += e.SealedBlocks;
            };
            for (var i = 0; i < snapshots.Count; i++)
            {
                writer.Append(snapshots[i]);
                if (i % 5 == 4)
                {
                    writer.Flush();
                }
            }

            writer.Flush();
            _dvr.Count("SELECT COUNT(*) FROM blocks").ShouldBe(2, "the third block is still open");
            flushedTicks.ShouldBe(snapshots.Count, "each tick is reported on disk once: as a head row, or with its sealed block");
            sealedBlocks.ShouldBe(2, "the flushes that sealed a block say so");
        }

        _dvr.Count("SELECT COUNT(*) FROM blocks").ShouldBe(3);
        _dvr.Count("SELECT COUNT(*) FROM head").ShouldBe(0);
        AssertRoundTrips(snapshots);
    }

    [Fact]
    public void Seal_WhileFlushesFail_SealsEveryTickOnceTheyRecover()
    {
        var snapshots = Ticks(Snapshots.Epoch.AddMinutes(59), 120);
        using (var writer = Open())
        {
            for (var i = 0; i < 30; i++)
            {
                writer.Append(snapshots[i]);
            }

            writer.Flush();
            _dvr.Execute("ALTER TABLE head RENAME TO head_away");
            for (var i = 30; i < 90; i++)
            {
                writer.Append(snapshots[i]);
                if (i % 5 == 4)
                {
                    Should.Throw<SqliteException>(writer.Flush);
                }
            }

            _dvr.Execute("ALTER TABLE head_away RENAME TO head");
            writer.Flush();
            _dvr.Count("SELECT COUNT(*) FROM blocks").ShouldBe(1, "the block that ended at the hour, while flushes failed");
            for (var i = 90; i < snapshots.Count; i++)
            {
                writer.Append(snapshots[i]);
            }
        }

        AssertRoundTrips(snapshots);
    }

    private static List<Snapshot> Ticks(DateTimeOffset start, int count) =>
        Snapshots.Series(start, count).Select((s, i) => s with { Processes = Processes(i) }).ToList();

    private static ImmutableArray<ProcessSample> Processes(int tick) =>
        [.. Enumerable.Range(0, 5).Select(p => Snapshots.Process(100 + ((p + (tick / 40)) % 8), $"proc-{p}", (tick + p) % 50 / 10.0))];

    private void AssertRoundTrips(List<Snapshot> snapshots)
    {
        using var reader = DvrReader.Open(_dvr.Path);
        var ticks = reader.Range(null, null);
        ticks.Select(t => t.Timestamp).ShouldBe(snapshots.Select(s => s.Timestamp));
        for (var i = 0; i < snapshots.Count; i += 7)
        {
            var expected = SeriesValues.Of(snapshots[i]);
            ticks[i].Values.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), $"tick {i}");
            foreach (var (key, value) in expected)
            {
                ticks[i].Values[key].ShouldBe(value, $"tick {i}: {key}");
            }

            var processes = reader.ProcessesAt(snapshots[i].Timestamp).ShouldNotBeNull();
            processes.Processes.Select(p => (p.Pid, p.Name, p.CpuPercent)).ShouldBe(snapshots[i].Processes.Select(p => (p.Pid, p.Name, p.CpuPercent)), $"tick {i}");
        }
    }

    private DvrWriter Open() => DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);

}
