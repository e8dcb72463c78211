using Aura.Storage.Dvr.Blocks;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrReader
{
    // What each part of the file holds, per row: blob bytes plus an estimate of the record header and integer columns.
    private static readonly (string Part, string Table, string Payload)[] Parts =
    [
        ("raw", "blocks", "length(times) + length(series) + 32"),
        ("raw", "head", "length(data) + 40"),
        ("minute", "minute", "length(data) + 24"),
        ("hour", "hour", "length(data) + 24"),
        ("processes", "blocks", "length(processes)"),
        ("processes", "strings", "(2 * length(value)) + 8"),
        ("catalog", "series", "(2 * length(key)) + length(family) + length(unit) + 24"),
        ("catalog", "meta", "length(key) + length(value) + 8"),
    ];

    /// <summary>
    /// Series, samples, bytes and time span per tier and in total. The file's bytes are exact; the split between
    /// tiers apportions the pages in use by each part's payload (this SQLite bundle has no dbstat table).
    /// </summary>
    public DvrStats Stats()
    {
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var bytes = PartBytes(transaction);
            var head = _head.Load(_connection, transaction);
            var rawSeries = DirectoryIds("blocks", "series", transaction);
            foreach (var group in head)
            {
                rawSeries.UnionWith(group.AllValues().Keys);
            }

            var rawSamples = Long(transaction, "SELECT COALESCE(SUM(samples), 0) FROM blocks") + Long(transaction, "SELECT COALESCE(SUM(samples), 0) FROM head");
            var raw = new DvrTierStats(
                DvrTier.Raw, rawSeries.Count, rawSamples, bytes["raw"], PerSample(bytes["raw"], rawSamples),
                Time(transaction, "SELECT MIN(m) FROM (SELECT MIN(start_ms) AS m FROM blocks UNION ALL SELECT MIN(first_ms) FROM head)"),
                Time(transaction, "SELECT MAX(m) FROM (SELECT MAX(end_ms) AS m FROM blocks UNION ALL SELECT MAX(last_ms) FROM head)"));
            var tiers = new[] { raw, Rollup(DvrTier.Minute, "minute", bytes, transaction), Rollup(DvrTier.Hour, "hour", bytes, transaction) };
            var processTicks = Long(transaction, "SELECT COALESCE(SUM(ticks), 0) FROM blocks") + Long(transaction, "SELECT COALESCE(SUM(ticks), 0) FROM head");
            var file = new FileInfo(Path).Length;
            var wal = File.Exists(Path + "-wal") ? new FileInfo(Path + "-wal").Length : 0;
            return new DvrStats(
                Path,
                (int)Long(transaction, "SELECT COUNT(*) FROM series"),
                rawSamples,
                file + wal,
                PerSample(file + wal, rawSamples),
                tiers.Min(t => t.Oldest),
                tiers.Max(t => t.Newest),
                tiers,
                new DvrProcessStats(processTicks, bytes["processes"], processTicks == 0 ? 0 : Math.Round((double)bytes["processes"] / processTicks, 2)),
                file,
                wal,
                Long(transaction, "PRAGMA freelist_count") * Long(transaction, "PRAGMA page_size"),
                "apportioned");
        }
    }

    private DvrTierStats Rollup(DvrTier tier, string table, Dictionary<string, long> bytes, SqliteTransaction transaction)
    {
        var series = DirectoryIds(table, "data", transaction);
        var samples = Long(transaction, $"SELECT COALESCE(SUM(buckets), 0) FROM {table}");
        return new DvrTierStats(
            tier, series.Count, samples, bytes[table], PerSample(bytes[table], samples),
            Time(transaction, $"SELECT MIN(start_ms) FROM {table}"),
            Time(transaction, $"SELECT MAX(end_ms) FROM {table}"));
    }

    /// <summary>The series ids in every row's directory, read through incremental blob I/O rather than whole rows.</summary>
    private HashSet<int> DirectoryIds(string table, string column, SqliteTransaction transaction)
    {
        var ids = new HashSet<int>();
        var rows = new List<long>();
        using (var command = Command(transaction, $"SELECT start_ms FROM {table}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0));
            }
        }

        var prefix = new byte[4096];
        foreach (var row in rows)
        {
            using var blob = new SqliteBlob(_connection, table, column, row, readOnly: true);
            var length = (int)Math.Min(prefix.Length, blob.Length);
            blob.ReadExactly(prefix, 0, length);
            if (!SectionReader.TryReadIds(prefix.AsSpan(0, length), ids))
            {
                var whole = new byte[blob.Length];
                blob.Position = 0;
                blob.ReadExactly(whole);
                SectionReader.TryReadIds(whole, ids);
            }
        }

        return ids;
    }

    /// <summary>The pages in use, split between the parts of the file by their payload.</summary>
    private Dictionary<string, long> PartBytes(SqliteTransaction transaction)
    {
        var payload = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (part, table, size) in Parts)
        {
            payload[part] = payload.GetValueOrDefault(part) + Long(transaction, $"SELECT COALESCE(SUM({size}), 0) FROM {table}");
        }

        var used = (Long(transaction, "PRAGMA page_count") - Long(transaction, "PRAGMA freelist_count")) * Long(transaction, "PRAGMA page_size");
        var total = payload.Values.Sum();
        return payload.ToDictionary(p => p.Key, p => total == 0 ? 0 : (long)Math.Round(used * p.Value / total), StringComparer.Ordinal);
    }

    private long Long(SqliteTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return command.ExecuteScalar() is long value ? value : 0;
    }

    private DateTimeOffset? Time(SqliteTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return command.ExecuteScalar() is long value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }

    private static double PerSample(long bytes, long samples) => samples == 0 ? 0 : Math.Round((double)bytes / samples, 4);
}
