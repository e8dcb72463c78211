using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Reader;
using Aura.Storage.Dvr.Rollups;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrReader
{
    /// <summary>A tier is read when it holds at most this many times the point budget in the window.</summary>
    private const int TierFactor = 8;

    private long[] _times = new long[4096];
    private long[] _values = new long[4096];

    /// <summary>
    /// One series over [from, to] in at most <paramref name="maxPoints"/> points, unsealed samples included. Reads
    /// the finest tier that has at most 8 × maxPoints points in the window (and still covers its start after
    /// retention), then reduces with LTTB keeping min/max envelopes.
    /// </summary>
    public TimelineResult Timeline(string seriesKey, DateTimeOffset from, DateTimeOffset to, int maxPoints)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesKey);
        if (maxPoints < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "A timeline needs a budget of at least 2 points: the first and last are always kept.");
        }

        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var series = FindSeries(seriesKey, transaction);
            if (series is null)
            {
                return new TimelineResult(seriesKey, DvrTier.Raw, []);
            }

            var fromMs = from.ToUnixTimeMilliseconds();
            var toMs = to.ToUnixTimeMilliseconds();
            var head = _head.Load(_connection, transaction);
            var tier = ChooseTier(fromMs, toMs, maxPoints, head, transaction);
            var points = tier == DvrTier.Raw
                ? ReadRaw(series, fromMs, toMs, head, transaction)
                : ReadBuckets(series, tier == DvrTier.Minute ? BlockSealer.MinuteMs : BlockSealer.HourMs, fromMs, toMs, head, transaction);
            return new TimelineResult(seriesKey, tier, Lttb.Downsample(points, maxPoints));
        }
    }

    private DvrTier ChooseTier(long fromMs, long toMs, int maxPoints, List<HeadGroup> head, SqliteTransaction transaction)
    {
        var budget = (long)TierFactor * maxPoints;
        double rawTicks;
        using (var count = Command(transaction, """
            SELECT COALESCE(SUM(CASE WHEN end_ms = start_ms THEN ticks
                ELSE ticks * (MIN(end_ms, $to) - MAX(start_ms, $from) + 1.0) / (end_ms - start_ms + 1) END), 0)
            FROM blocks WHERE start_ms >= $lo AND start_ms <= $to AND end_ms >= $from
            """))
        {
            count.Parameters.AddWithValue("$from", fromMs);
            count.Parameters.AddWithValue("$to", toMs);
            count.Parameters.AddWithValue("$lo", LowerBlockStart(fromMs));
            rawTicks = Convert.ToDouble(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var headFirst = long.MaxValue;
        foreach (var group in head)
        {
            headFirst = Math.Min(headFirst, group.FirstMs);
            foreach (var time in group.Times)
            {
                rawTicks += time >= fromMs && time <= toMs ? 1 : 0;
            }
        }

        var rawOldest = Math.Min(Oldest("blocks", transaction), headFirst);
        var minuteOldest = Math.Min(Oldest("minute", transaction), headFirst);
        var hourOldest = Math.Min(Oldest("hour", transaction), headFirst);
        if (rawTicks <= budget && (rawOldest <= fromMs || minuteOldest >= rawOldest))
        {
            return DvrTier.Raw;
        }

        var minutes = ((toMs - fromMs) / BlockSealer.MinuteMs) + 1;
        return minutes <= budget && (minuteOldest <= fromMs || hourOldest >= minuteOldest) ? DvrTier.Minute : DvrTier.Hour;
    }

    private long Oldest(string table, SqliteTransaction transaction)
    {
        using var command = Command(transaction, $"SELECT MIN(start_ms) FROM {table}");
        return command.ExecuteScalar() is long value ? value : long.MaxValue;
    }

    private List<TimelinePoint> ReadRaw(StoredSeries series, long fromMs, long toMs, List<HeadGroup> head, SqliteTransaction transaction)
    {
        var points = new List<TimelinePoint>();
        using (var command = Command(transaction, "SELECT start_ms, ticks, times FROM blocks WHERE start_ms >= $lo AND start_ms <= $to AND end_ms >= $from ORDER BY start_ms"))
        {
            command.Parameters.AddWithValue("$from", fromMs);
            command.Parameters.AddWithValue("$to", toMs);
            command.Parameters.AddWithValue("$lo", LowerBlockStart(fromMs));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (_sections.Fetch(_connection, "blocks", "series", reader.GetInt64(0), series.Id) is not { } chunk)
                {
                    continue;
                }

                var ticks = reader.GetInt32(1);
                EnsureScratch(ticks);
                _columns.Decode((byte[])reader.GetValue(2), _times.AsSpan(0, ticks));
                _columns.Decode(chunk, _values.AsSpan(0, ticks));
                AddRawPoints(series.Quantizer, _times.AsSpan(0, ticks), _values.AsSpan(0, ticks), fromMs, toMs, points);
            }
        }

        foreach (var group in head)
        {
            AddRawPoints(series.Quantizer, group.Times, group.ValuesOf(series.Id), fromMs, toMs, points);
        }

        return points;
    }

    private List<TimelinePoint> ReadBuckets(StoredSeries series, long bucketMs, long fromMs, long toMs, List<HeadGroup> head, SqliteTransaction transaction)
    {
        var buckets = new List<Bucket>();
        var table = bucketMs == BlockSealer.MinuteMs ? "minute" : "hour";
        var rows = new List<long>();
        using (var command = Command(transaction, $"SELECT start_ms FROM {table} WHERE start_ms >= $lo AND start_ms <= $to AND end_ms >= $from ORDER BY start_ms"))
        {
            command.Parameters.AddWithValue("$from", BucketStart(fromMs, bucketMs));
            command.Parameters.AddWithValue("$to", toMs);
            command.Parameters.AddWithValue("$lo", LowerRollupStart(fromMs));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0));
            }
        }

        foreach (var row in rows)
        {
            if (_sections.Fetch(_connection, table, "data", row, series.Id) is { } section)
            {
                _rollups.ReadSection(section, bucketMs, buckets);
            }
        }

        foreach (var group in head)
        {
            Bucket.Accumulate(group.Times, group.ValuesOf(series.Id), bucketMs, buckets);
        }

        var points = new List<TimelinePoint>(buckets.Count);
        var first = BucketStart(fromMs, bucketMs);
        var q = series.Quantizer;
        foreach (var b in buckets)
        {
            if (b.Start >= first && b.Start <= toMs)
            {
                points.Add(new TimelinePoint(DateTimeOffset.FromUnixTimeMilliseconds(b.Start), q.Decode((double)b.Sum / b.Count), q.Decode(b.Min), q.Decode(b.Max)));
            }
        }

        return points;
    }

    private static void AddRawPoints(Quantizer quantizer, ReadOnlySpan<long> times, ReadOnlySpan<long> values, long fromMs, long toMs, List<TimelinePoint> points)
    {
        for (var i = 0; i < times.Length; i++)
        {
            if (values[i] != Column.Absent && times[i] >= fromMs && times[i] <= toMs)
            {
                var value = quantizer.Decode(values[i]);
                points.Add(new TimelinePoint(DateTimeOffset.FromUnixTimeMilliseconds(times[i]), value, value, value));
            }
        }
    }

    private void EnsureScratch(int ticks)
    {
        if (_times.Length < ticks)
        {
            _times = new long[ticks];
            _values = new long[ticks];
        }
    }
}
