using System.Globalization;
using Aura.Storage.Dvr;

namespace Aura.Benchmarks.Dvr;

/// <summary>
/// <c>dvr-memory &lt;trace.jsonl.gz&gt; [--hours N]</c>: replays a recorded trace into a new DVR as the daemon would
/// (a flush every 5 ticks, 1-hour blocks) for N hours of ticks (the trace played back to back, default 3), and prints
/// the managed heap after a full collection every 10 minutes of ticks. What the writer holds for its open block shows
/// as growth within each hour; what it keeps after sealing one shows as a step at each hour.
/// </summary>
internal static class DvrMemory
{
    public static void Run(string tracePath, int hours)
    {
        var recorded = DvrTrace.Read(tracePath);
        var period = recorded[^1].Timestamp - recorded[0].Timestamp + TimeSpan.FromSeconds(1);
        var ticks = hours * 3600;
        var directory = Directory.CreateTempSubdirectory("aura-dvr-memory-").FullName;
        try
        {
            var options = new DvrOptions { Path = Path.Combine(directory, "telemetry.sqlite"), BackgroundFlush = false };
            using var writer = DvrWriter.Open(options, new DvrReplayClock(recorded[0].Timestamp));
            Console.WriteLine($"trace: {tracePath}: {recorded.Count} ticks played for {hours} h; managed heap after a full collection:");
            var baseline = 0L;
            for (var i = 0; i < ticks; i++)
            {
                var source = recorded[i % recorded.Count];
                writer.Append(source with { Timestamp = source.Timestamp + (period * (i / recorded.Count)) });
                if (i % 5 == 4)
                {
                    writer.Flush();
                }

                if ((i + 1) % 600 == 0)
                {
                    var heap = GC.GetTotalMemory(forceFullCollection: true);
                    baseline = baseline == 0 ? heap : baseline;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(i + 1) / 60,4} min  {heap / 1024.0,8:F0} KiB  ({(heap - baseline) / 1024.0:+0;-0} KiB since minute 10)"));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
