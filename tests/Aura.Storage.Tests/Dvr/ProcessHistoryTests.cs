using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Dvr;

public sealed class ProcessHistoryTests : IDisposable
{
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch.AddDays(1));

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void ProcessesAt_EveryTick_RoundTripsAtStoredPrecision()
    {
        var ticks = History(5400);
        using (var writer = Open())
        {
            foreach (var (time, processes) in ticks.Take(5000))
            {
                writer.Append(Snapshots.At(time, processes: processes));
            }

            writer.Flush();
            foreach (var (time, processes) in ticks.Skip(5000))
            {
                writer.Append(Snapshots.At(time, processes: processes));
            }

            writer.Flush();
            using var reader = DvrReader.Open(_dvr.Path);
            for (var i = 0; i < ticks.Count; i += 41)
            {
                var stored = reader.ProcessesAt(ticks[i].Time).ShouldNotBeNull();
                stored.Timestamp.ShouldBe(ticks[i].Time);
                stored.Processes.ShouldBe(ticks[i].Processes.Select(AtPrecision), $"tick {i}");
            }
        }
    }

    [Fact]
    public void ProcessesAt_BetweenTicks_ReturnsTheTickBefore()
    {
        var ticks = History(10);
        Write(ticks);
        using var reader = DvrReader.Open(_dvr.Path);

        var stored = reader.ProcessesAt(ticks[3].Time.AddMilliseconds(999)).ShouldNotBeNull();

        stored.Timestamp.ShouldBe(ticks[3].Time);
        reader.ProcessesAt(ticks[0].Time.AddMilliseconds(-1)).ShouldBeNull();
        reader.ProcessesAt(ticks[^1].Time.AddDays(3)).ShouldNotBeNull().Timestamp.ShouldBe(ticks[^1].Time);
    }

    [Fact]
    public void TopProcesses_Window_RanksByCpuTimeInsideItAndSeparatesReusedPids()
    {
        var t0 = Snapshots.Epoch;
        var ticks = Enumerable.Range(0, 120).Select(i => (t0.AddSeconds(i), (ImmutableArray<ProcessSample>)(i < 60
            ? [Snapshots.Process(100, "old", 90, start: 1000), Snapshots.Process(7, "steady", 10)]
            : [Snapshots.Process(100, "new", 40, start: 5000), Snapshots.Process(7, "steady", 10)]))).ToList();
        Write(ticks);
        using var reader = DvrReader.Open(_dvr.Path);

        var window = reader.TopProcesses(t0.AddSeconds(60), t0.AddSeconds(119), 10);

        window.Select(p => (p.Pid, p.StartTimeTicks, p.Name)).ShouldBe([(100, 5000L, "new"), (7, 1000L, "steady")]);
        window[0].CpuSeconds.ShouldBe(24, 0.01);
        window[0].AverageCpuPercent.ShouldBe(40);
        window[0].Ticks.ShouldBe(60);

        var all = reader.TopProcesses(t0, t0.AddSeconds(119), 1);
        all.ShouldHaveSingleItem().Name.ShouldBe("old");
    }

    private static ProcessSample AtPrecision(ProcessSample p) => p with
    {
        CpuPercent = p.CpuPercent is { } cpu ? Math.Round(cpu * 10) / 10 : null,
        RssBytes = (p.RssBytes + 512) / 1024 * 1024,
        MemoryPercent = Math.Round(p.MemoryPercent * 100) / 100,
    };

    /// <summary>Processes that come and go, change state, rename, get a reused pid, and start without a CPU reading.</summary>
    private static List<(DateTimeOffset Time, ImmutableArray<ProcessSample> Processes)> History(int count)
    {
        var random = new Random(5);
        var result = new List<(DateTimeOffset, ImmutableArray<ProcessSample>)>();
        for (var i = 0; i < count; i++)
        {
            var processes = ImmutableArray.CreateBuilder<ProcessSample>();
            for (var p = 0; p < 20; p++)
            {
                var pid = 1000 + ((p + (i / 50)) % 30);
                var start = pid == 1010 && i > count / 2 ? 99_999 : 1000 + pid;
                processes.Add(new ProcessSample(
                    pid,
                    start,
                    i % 300 < 150 || pid != 1003 ? $"proc-{pid}" : "renamed",
                    p % 3 == 0 ? "root" : "aura",
                    random.Next(4) == 0 ? 'R' : 'S',
                    i % 50 == 0 && p == 19 ? null : random.NextDouble() * 150,
                    (long)random.Next(1, 400_000) * 4096 + random.Next(0, 3),
                    random.NextDouble() * 5,
                    random.Next(1, 64)));
            }

            result.Add((Snapshots.Epoch.AddSeconds(i), processes.ToImmutable()));
        }

        return result;
    }

    private void Write(IEnumerable<(DateTimeOffset Time, ImmutableArray<ProcessSample> Processes)> ticks)
    {
        using var writer = Open();
        foreach (var (time, processes) in ticks)
        {
            writer.Append(Snapshots.At(time, processes: processes));
        }
    }

    private DvrWriter Open() => DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);
}
