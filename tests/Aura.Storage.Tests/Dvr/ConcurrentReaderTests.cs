using System.Diagnostics;
using Aura.Core.Series;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Dvr;

public sealed class ConcurrentReaderTests : IDisposable
{
    private readonly TempDvr _dvr = new();

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public async Task Reader_WhileWriterFlushesAndSeals_AlwaysSeesAGaplessPrefixWithoutWaiting()
    {
        // One-minute blocks and a 10 ms flush: seals replace head rows many times while the reader reads.
        var options = new DvrOptions { Path = _dvr.Path, FlushInterval = TimeSpan.FromMilliseconds(10), BlockSpan = TimeSpan.FromMinutes(1) };
        using var writer = DvrWriter.Open(options, TimeProvider.System);
        writer.Append(Snapshots.At(Snapshots.Epoch));
        writer.Flush();
        var writing = Task.Run(async () =>
        {
            for (var i = 1; i < 3000; i++)
            {
                writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds(i), cpu: i % 50 / 100.0));
                if (i % 10 == 0)
                {
                    await Task.Delay(2);
                }
            }
        });

        using var reader = DvrReader.Open(_dvr.Path);
        var reads = 0;
        var seen = 0;
        var slowest = TimeSpan.Zero;
        while (!writing.IsCompleted || reads < 5)
        {
            var started = Stopwatch.GetTimestamp();
            var ticks = reader.Range(null, null, includeValues: false);
            var timeline = reader.Timeline(SeriesCatalog.CpuUsage.Name, Snapshots.Epoch, Snapshots.Epoch.AddHours(1), 500);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));

            ticks.Count.ShouldBeGreaterThanOrEqualTo(seen, "what was readable stays readable");
            for (var i = 0; i < ticks.Count; i++)
            {
                ticks[i].Timestamp.ShouldBe(Snapshots.Epoch.AddSeconds(i), "a read sees every tick up to the newest flushed one: no block half sealed");
            }

            timeline.Points.Length.ShouldBeLessThanOrEqualTo(500);
            seen = ticks.Count;
            reads++;
        }

        await writing;
        reads.ShouldBeGreaterThan(5);
        slowest.ShouldBeLessThan(TimeSpan.FromSeconds(2), "readers do not wait for the writer");
    }
}
