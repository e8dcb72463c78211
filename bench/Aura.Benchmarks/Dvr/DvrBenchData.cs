using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Telemetry;

namespace Aura.Benchmarks.Dvr;

/// <summary>
/// Snapshots for the DVR benchmarks: the recorded trace named by AURA_DVR_TRACE (default
/// tests/fixtures/traces/dev-vm-1h.jsonl.gz), or, without one, live samples of this machine.
/// </summary>
internal static class DvrBenchData
{
    public const string DefaultTrace = "tests/fixtures/traces/dev-vm-1h.jsonl.gz";

    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aura-dvr-bench")).FullName;

    public static string? TracePath()
    {
        var path = Environment.GetEnvironmentVariable("AURA_DVR_TRACE") ?? FindUp(DefaultTrace);
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>The trace's snapshots, or <paramref name="count"/> live samples when there is no trace.</summary>
    public static List<Snapshot> Templates(int count)
    {
        if (TracePath() is { } trace)
        {
            return DvrTrace.Read(trace);
        }

        using var source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
        return Enumerable.Range(0, count).Select(_ => source.Sample()).ToList();
    }

    /// <summary>
    /// A DVR that has recorded 30 days at 1 Hz (the templates played back to back) with default retention and
    /// upkeep run (build it ahead with the <c>dvr-30d</c> console mode), so raw holds the last 14 days and finished days' rollups are merged; the last 59 minutes are still
    /// in head rows as a running daemon leaves them. Built once and kept in the temp directory.
    /// </summary>
    public static string ThirtyDays()
    {
        var name = TracePath() is { } trace ? $"30d-{Path.GetFileNameWithoutExtension(trace)}-{new FileInfo(trace).Length}" : "30d-live";
        var path = Path.Combine(Directory, name + ".sqlite");
        if (File.Exists(path))
        {
            return path;
        }

        var templates = Templates(600);
        var building = Path.Combine(Directory, name + ".building.sqlite");
        var ticks = (int)TimeSpan.FromDays(30).TotalSeconds;
        var end = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero).AddMinutes(-1);
        var start = end.AddSeconds(-ticks);
        using (var writer = DvrWriter.Open(new DvrOptions { Path = building, BackgroundFlush = false }, new DvrReplayClock(end)))
        {
            for (var i = 0; i < ticks; i++)
            {
                writer.Append(templates[i % templates.Count] with { Timestamp = start.AddSeconds(i) });
                // A daemon flushes every 5 s; only the last, unsealed hour's head rows depend on that, so earlier hours
                // are flushed once per hour to build the file in minutes instead of one fsync per 5 ticks for 30 days.
                if (i >= ticks - 3600 ? i % 5 == 4 : i % 3600 == 3599)
                {
                    writer.Flush();
                }

                if (i == ticks - 3540)
                {
                    while (writer.RunMaintenanceStep())
                    {
                    }
                }
            }

            writer.Flush();
            File.Copy(building, path + ".tmp", overwrite: true);
            File.Copy(building + "-wal", path + "-wal", overwrite: true);
        }

        File.Move(path + ".tmp", path);
        foreach (var file in System.IO.Directory.GetFiles(Directory, Path.GetFileName(building) + "*"))
        {
            File.Delete(file);
        }

        return path;
    }

    private static string? FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
