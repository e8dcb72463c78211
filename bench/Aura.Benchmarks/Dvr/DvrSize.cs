using System.Globalization;
using System.IO.Compression;
using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Microsoft.Data.Sqlite;

namespace Aura.Benchmarks.Dvr;

/// <summary>
/// <c>dvr-size &lt;trace.jsonl.gz&gt; [--repeat N] [--block-minutes M]</c>: replays a recorded trace into a new DVR as
/// the daemon would (a flush every 5 ticks, the open block sealed at the end) and prints bytes on disk per raw
/// sample, once with top-20 processes and once without, so the process history's cost per tick is the difference.
/// --repeat plays the trace N times back to back (timestamps shifted) to show the steady state of a file that holds
/// more than the fixed cost of its empty tables. Checks every value read back equals the input at its precision.
/// </summary>
internal static class DvrSize
{
    public static void Run(string tracePath, int repeat, TimeSpan blockSpan)
    {
        var recorded = DvrTrace.Read(tracePath);
        Console.WriteLine($"trace: {tracePath}: {recorded.Count} ticks, {recorded[0].Timestamp:O} .. {recorded[^1].Timestamp:O}, played {repeat}x, block span {blockSpan}");
        var period = recorded[^1].Timestamp - recorded[0].Timestamp + TimeSpan.FromSeconds(1);
        var trace = Enumerable.Range(0, repeat).SelectMany(r => recorded.Select(s => s with { Timestamp = s.Timestamp + (period * r) })).ToList();
        var directory = Directory.CreateTempSubdirectory("aura-dvr-size-").FullName;
        try
        {
            var full = Replay(trace, Path.Combine(directory, "with-processes.sqlite"), 20, blockSpan);
            var series = Replay(trace, Path.Combine(directory, "series-only.sqlite"), 0, blockSpan);
            Print("series only (all series, rollups, catalog; no processes)", series);
            Print("with top-20 processes", full);
            var processBytes = full.Stats.Bytes - series.Stats.Bytes;
            Console.WriteLine(Invariant($"process history: {processBytes} B for {trace.Count} ticks = {(double)processBytes / trace.Count:F1} B per tick (top-20)")
                + (repeat > 1 ? " -- not meaningful with --repeat: Brotli finds the repeated trace inside a block" : string.Empty));
            Console.WriteLine($"lossless at declared precision: {Verify(trace, series.Path)}");
            BlobBytes(series.Path, series.Stats.Samples);
            BrotliOnTop(series.Path);
            BytesByFamily(series.Path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (string Path, DvrStats Stats) Replay(List<Snapshot> trace, string path, int processes, TimeSpan blockSpan)
    {
        // Upkeep runs as of a day after the last tick, as it would have by then: finished days' rollups are merged.
        var options = new DvrOptions { Path = path, BackgroundFlush = false, ProcessLimit = processes, BlockSpan = blockSpan };
        using (var writer = DvrWriter.Open(options, new DvrReplayClock(trace[^1].Timestamp.AddDays(1))))
        {
            for (var i = 0; i < trace.Count; i++)
            {
                writer.Append(trace[i]);
                if (i % 5 == 4)
                {
                    writer.Flush();
                }
            }

            writer.Flush();
            while (writer.RunMaintenanceStep())
            {
            }
        }

        using var reader = DvrReader.Open(path);
        return (path, reader.Stats());
    }

    private static void Print(string title, (string Path, DvrStats Stats) result)
    {
        var s = result.Stats;
        Console.WriteLine($"-- {title}");
        Console.WriteLine(Invariant($"   file {s.Bytes} B, {s.Series} series, {s.Samples} raw samples: {s.BytesPerSample:F4} B per raw sample (free pages {s.FreeBytes} B)"));
        foreach (var tier in s.Tiers)
        {
            Console.WriteLine(Invariant($"   {tier.Tier,-6} {tier.Samples,10} samples {tier.Bytes,10} B ({s.ByteSource}) {tier.BytesPerSample,8:F4} B/sample, {(double)tier.Bytes / s.Samples:F4} B per raw sample"));
        }

        Console.WriteLine(Invariant($"   processes {s.Processes.Ticks} ticks {s.Processes.Bytes} B ({s.Processes.BytesPerTick:F1} B/tick, apportioned)"));
    }

    private static string Verify(List<Snapshot> trace, string path)
    {
        using var reader = DvrReader.Open(path);
        var ticks = reader.Range(null, null);
        if (ticks.Count != trace.Count)
        {
            return $"NO: {ticks.Count} ticks read back for {trace.Count} written";
        }

        long checkedValues = 0;
        for (var i = 0; i < trace.Count; i++)
        {
            var expected = DvrExpected.Of(trace[i]);
            if (expected.Count != ticks[i].Values.Count)
            {
                return $"NO: tick {i} has {ticks[i].Values.Count} values, expected {expected.Count}";
            }

            foreach (var (key, value) in expected)
            {
                if (!ticks[i].Values.TryGetValue(key, out var stored) || !stored.Equals(value))
                {
                    return Invariant($"NO: tick {i} {key} = {stored}, expected {value}");
                }

                checkedValues++;
            }
        }

        return $"yes, {checkedValues} values compared";
    }

    private static void BlobBytes(string path, long samples)
    {
        using var connection = Open(path);
        foreach (var (name, sql) in new[]
        {
            ("series chunks", "SELECT COUNT(*), COALESCE(SUM(length(series)), 0) FROM blocks"),
            ("tick times", "SELECT COUNT(*), COALESCE(SUM(length(times)), 0) FROM blocks"),
            ("processes", "SELECT COUNT(*), COALESCE(SUM(length(processes)), 0) FROM blocks"),
            ("minute", "SELECT COUNT(*), COALESCE(SUM(length(data)), 0) FROM minute"),
            ("hour", "SELECT COUNT(*), COALESCE(SUM(length(data)), 0) FROM hour"),
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            reader.Read();
            Console.WriteLine(Invariant($"   {name,-14} {reader.GetInt64(0),5} rows {reader.GetInt64(1),10} blob B {(double)reader.GetInt64(1) / samples:F4} B per raw sample"));
        }
    }

    /// <summary>Would a general compressor on top of the range-coded chunks pay? Brotli at its best setting, per chunk.</summary>
    private static void BrotliOnTop(string path)
    {
        long raw = 0, brotli = 0;
        var buffer = new byte[1 << 20];
        foreach (var (_, chunk, _) in Chunks(path))
        {
            raw += chunk.Length;
            brotli += BrotliEncoder.TryCompress(chunk, buffer, out var written, 11, 22) ? Math.Min(written + 1, chunk.Length) : chunk.Length;
        }

        Console.WriteLine(Invariant($"Brotli q11 on sealed chunks: {raw} B -> {brotli} B ({100.0 * (raw - brotli) / raw:F1} % saved)"));
    }

    private static void BytesByFamily(string path)
    {
        var families = new Dictionary<int, string>();
        using (var connection = Open(path))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, family FROM series";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                families[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var totals = new Dictionary<string, (HashSet<int> Series, long Samples, long Bytes)>();
        var decoder = new ColumnDecoder();
        foreach (var (id, chunk, ticks) in Chunks(path))
        {
            var family = families[id];
            var (series, samples, bytes) = totals.GetValueOrDefault(family, ([], 0, 0));
            series.Add(id);
            totals[family] = (series, samples + decoder.Decode(chunk, new long[ticks]), bytes + chunk.Length);
        }

        Console.WriteLine("chunk bytes by family (blob bytes only):");
        foreach (var (family, (series, samples, bytes)) in totals.OrderByDescending(t => t.Value.Bytes))
        {
            Console.WriteLine(Invariant($"   {family,-40} {series.Count,3} series {samples,9} samples {bytes,8} B {8.0 * bytes / samples,6:F2} bits/sample"));
        }
    }

    private static IEnumerable<(int SeriesId, byte[] Chunk, int Ticks)> Chunks(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticks, series FROM blocks";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var ticks = reader.GetInt32(0);
            foreach (var (id, chunk) in Sections((byte[])reader.GetValue(1)))
            {
                yield return (id, chunk, ticks);
            }
        }
    }

    private static List<(int Id, byte[] Section)> Sections(byte[] row)
    {
        var sections = new List<(int, byte[])>();
        var data = new ByteReader(row);
        var reader = new SectionReader(ref data);
        while (reader.MoveNext())
        {
            sections.Add((reader.Id, reader.Section.ToArray()));
        }

        return sections;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
