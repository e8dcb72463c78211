using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Rollups;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    private const long DayMs = 86_400_000;

    private readonly RollupCodec _compactionCodec = new();

    /// <summary>
    /// Merges a finished day's rollup rows (one per block) into one row: a month of hour buckets is then 30 rows to
    /// read, not 720, and a row's fixed costs (its record, its directory, the coder's warm-up) are paid once a day.
    /// One day per call; false when no finished day has more than one row.
    /// </summary>
    private bool CompactRollups(string table, long bucketMs, long nowMs, SqliteTransaction transaction)
    {
        var today = nowMs - Bucket.Mod(nowMs, DayMs);
        var starts = new List<long>();
        using (var list = _connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = $"SELECT start_ms FROM {table} WHERE start_ms < $today ORDER BY start_ms";
            list.Parameters.AddWithValue("$today", today);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                starts.Add(reader.GetInt64(0));
            }
        }

        var first = -1;
        for (var i = 1; i < starts.Count && first < 0; i++)
        {
            first = DayOf(starts[i]) == DayOf(starts[i - 1]) ? i - 1 : -1;
        }

        if (first < 0)
        {
            return false;
        }

        var day = DayOf(starts[first]);
        var merged = new SortedDictionary<int, List<Bucket>>();
        long end = long.MinValue;
        using (var rows = _connection.CreateCommand())
        {
            rows.Transaction = transaction;
            rows.CommandText = $"SELECT end_ms, data FROM {table} WHERE start_ms >= $from AND start_ms < $to ORDER BY start_ms";
            rows.Parameters.AddWithValue("$from", day * DayMs);
            rows.Parameters.AddWithValue("$to", (day + 1) * DayMs);
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                end = Math.Max(end, reader.GetInt64(0));
                var data = new ByteReader((byte[])reader.GetValue(1));
                var sections = new SectionReader(ref data);
                while (sections.MoveNext())
                {
                    if (!merged.TryGetValue(sections.Id, out var buckets))
                    {
                        merged[sections.Id] = buckets = [];
                    }

                    _compactionCodec.ReadSection(sections.Section, bucketMs, buckets);
                }
            }
        }

        using var writer = new SectionWriter();
        var count = 0;
        foreach (var (id, buckets) in merged)
        {
            _compactionCodec.WriteSection(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buckets), bucketMs, writer.BeginSection(id));
            writer.EndSection();
            count += buckets.Count;
        }

        using var output = new ByteWriter(64 * 1024);
        writer.CopyTo(output);
        using var replace = _connection.CreateCommand();
        replace.Transaction = transaction;
        replace.CommandText = $"DELETE FROM {table} WHERE start_ms >= $from AND start_ms < $to; INSERT INTO {table}(start_ms, end_ms, buckets, data) VALUES ($start, $end, $buckets, $data)";
        replace.Parameters.AddWithValue("$from", day * DayMs);
        replace.Parameters.AddWithValue("$to", (day + 1) * DayMs);
        replace.Parameters.AddWithValue("$start", starts[first]);
        replace.Parameters.AddWithValue("$end", end);
        replace.Parameters.AddWithValue("$buckets", count);
        replace.Parameters.AddWithValue("$data", output.ToArray());
        replace.ExecuteNonQuery();
        return true;
    }

    private static long DayOf(long timeMs) => (timeMs - Bucket.Mod(timeMs, DayMs)) / DayMs;
}
