using Aura.Core.Series;
using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Reader;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrReader
{
    /// <summary>The newest <paramref name="count"/> ticks, oldest first (the CLI's --latest).</summary>
    public IReadOnlyList<DvrTick> Latest(int count, bool includeValues = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var head = _head.Load(_connection, transaction);
            var cutoff = NthNewestTick(count, head, transaction);
            return cutoff is { } fromMs ? ReadTicks(fromMs, long.MaxValue, includeValues, head, transaction) : [];
        }
    }

    /// <summary>Ticks in [since, until] (either end open when null), oldest first (the CLI's --since/--until).</summary>
    public IReadOnlyList<DvrTick> Range(DateTimeOffset? since, DateTimeOffset? until, bool includeValues = true)
    {
        var fromMs = since?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = until?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var head = _head.Load(_connection, transaction);
            return fromMs > toMs ? [] : ReadTicks(fromMs, toMs, includeValues, head, transaction);
        }
    }

    private long? NthNewestTick(int count, List<HeadGroup> head, SqliteTransaction transaction)
    {
        if (count == 0)
        {
            return null;
        }

        var newest = new List<long>(count);
        for (var g = head.Count - 1; g >= 0 && newest.Count < count; g--)
        {
            TakeNewest(head[g].Times, count, newest);
        }

        using var command = Command(transaction, "SELECT ticks, times FROM blocks ORDER BY start_ms DESC");
        using var reader = command.ExecuteReader();
        while (newest.Count < count && reader.Read())
        {
            var ticks = reader.GetInt32(0);
            EnsureScratch(ticks);
            _columns.Decode((byte[])reader.GetValue(1), _times.AsSpan(0, ticks));
            TakeNewest(_times.AsSpan(0, ticks), count, newest);
        }

        return newest.Count == 0 ? null : newest[^1];
    }

    private static void TakeNewest(ReadOnlySpan<long> times, int count, List<long> newest)
    {
        for (var i = times.Length - 1; i >= 0 && newest.Count < count; i--)
        {
            newest.Add(times[i]);
        }
    }

    private List<DvrTick> ReadTicks(long fromMs, long toMs, bool includeValues, List<HeadGroup> head, SqliteTransaction transaction)
    {
        var ticks = new List<DvrTick>();
        var cpu = FindSeries(SeriesCatalog.CpuUsage.Name, transaction);
        var memory = FindSeries(SeriesCatalog.MemoryUsedRatio.Name, transaction);
        var blocks = new List<(long Start, long[] Times)>();
        using (var command = Command(transaction, "SELECT start_ms, ticks, times FROM blocks WHERE start_ms >= $lo AND start_ms <= $to AND end_ms >= $from ORDER BY start_ms"))
        {
            command.Parameters.AddWithValue("$from", fromMs);
            command.Parameters.AddWithValue("$to", toMs);
            command.Parameters.AddWithValue("$lo", LowerBlockStart(fromMs));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var times = new long[reader.GetInt32(1)];
                _columns.Decode((byte[])reader.GetValue(2), times);
                blocks.Add((reader.GetInt64(0), times));
            }
        }

        foreach (var (start, times) in blocks)
        {
            AddTicks(times, SealedValues(start, times.Length, includeValues, cpu, memory, transaction), fromMs, toMs, cpu, memory, ticks, transaction);
        }

        foreach (var group in head)
        {
            var values = includeValues ? group.AllValues() : HeadValues(group, cpu, memory);
            AddTicks(group.Times.ToArray(), values, fromMs, toMs, cpu, memory, ticks, transaction);
        }

        return ticks;
    }

    private Dictionary<int, long[]> SealedValues(long start, int tickCount, bool all, StoredSeries? cpu, StoredSeries? memory, SqliteTransaction transaction)
    {
        var values = new Dictionary<int, long[]>();
        if (!all)
        {
            foreach (var series in new[] { cpu, memory })
            {
                if (series is not null && _sections.Fetch(_connection, "blocks", "series", start, series.Id) is { } chunk)
                {
                    var column = new long[tickCount];
                    _columns.Decode(chunk, column);
                    values[series.Id] = column;
                }
            }

            return values;
        }

        using var command = Command(transaction, "SELECT series FROM blocks WHERE start_ms = $start");
        command.Parameters.AddWithValue("$start", start);
        var data = (byte[])command.ExecuteScalar()!;
        var row = new ByteReader(data);
        var sections = new SectionReader(ref row);
        while (sections.MoveNext())
        {
            var column = new long[tickCount];
            _columns.Decode(sections.Section, column);
            values[sections.Id] = column;
        }

        return values;
    }

    private static Dictionary<int, long[]> HeadValues(HeadGroup group, StoredSeries? cpu, StoredSeries? memory)
    {
        var values = new Dictionary<int, long[]>();
        foreach (var series in new[] { cpu, memory })
        {
            if (series is not null)
            {
                values[series.Id] = group.ValuesOf(series.Id);
            }
        }

        return values;
    }

    private void AddTicks(long[] times, Dictionary<int, long[]> values, long fromMs, long toMs, StoredSeries? cpu, StoredSeries? memory, List<DvrTick> ticks, SqliteTransaction transaction)
    {
        var resolved = new List<(StoredSeries Series, long[] Values)>(values.Count);
        foreach (var (id, column) in values)
        {
            if (FindSeries(id, transaction) is { } series)
            {
                resolved.Add((series, column));
            }
        }

        resolved.Sort((a, b) => string.CompareOrdinal(a.Series.Key, b.Series.Key));
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] < fromMs || times[i] > toMs)
            {
                continue;
            }

            var byKey = new Dictionary<string, double>(resolved.Count, StringComparer.Ordinal);
            foreach (var (series, column) in resolved)
            {
                if (column[i] != Column.Absent)
                {
                    byKey[series.Key] = series.Quantizer.Decode(column[i]);
                }
            }

            ticks.Add(new DvrTick(DateTimeOffset.FromUnixTimeMilliseconds(times[i]), Percent(cpu, values, i), Percent(memory, values, i), byKey));
        }
    }

    private static double? Percent(StoredSeries? series, Dictionary<int, long[]> values, int tick)
    {
        if (series is null || !values.TryGetValue(series.Id, out var column) || column[tick] == Column.Absent)
        {
            return null;
        }

        // A ratio at precision p is a percentage at 100p: round away the binary noise of the multiplication.
        var digits = Math.Clamp((int)Math.Ceiling(-Math.Log10(series.Quantizer.Precision * 100) - 1e-9), 0, 15);
        return Math.Round(series.Quantizer.Decode(column[tick]) * 100, digits);
    }
}
