using Aura.Storage.Dvr.Blocks;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrReader
{
    private static readonly string[] RawTables = ["blocks", "chunks", "head"];

    /// <summary>Series, samples, bytes and time span per tier and in total.</summary>
    public DvrStats Stats()
    {
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var (bytes, source) = TableBytes(transaction);
            var head = _head.Load(_connection, transaction);
            var rawSeries = new HashSet<int>();
            using (var command = Command(transaction, "SELECT DISTINCT series_id FROM chunks"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rawSeries.Add(reader.GetInt32(0));
                }
            }

            foreach (var group in head)
            {
                rawSeries.UnionWith(group.AllValues().Keys);
            }

            var rawSamples = Long(transaction, "SELECT COALESCE(SUM(count), 0) FROM chunks") + Long(transaction, "SELECT COALESCE(SUM(samples), 0) FROM head");
            var rawBytes = RawTables.Sum(t => bytes.GetValueOrDefault(t));
            var raw = new DvrTierStats(
                DvrTier.Raw, rawSeries.Count, rawSamples, rawBytes, PerSample(rawBytes, rawSamples),
                Time(transaction, "SELECT MIN(m) FROM (SELECT MIN(start_ms) AS m FROM blocks UNION ALL SELECT MIN(first_ms) FROM head)"),
                Time(transaction, "SELECT MAX(m) FROM (SELECT MAX(end_ms) AS m FROM blocks UNION ALL SELECT MAX(last_ms) FROM head)"));
            var tiers = new[] { raw, Rollup(DvrTier.Minute, "minute", bytes, transaction), Rollup(DvrTier.Hour, "hour", bytes, transaction) };
            var processTicks = Long(transaction, "SELECT COALESCE(SUM(ticks), 0) FROM processes") + Long(transaction, "SELECT COALESCE(SUM(ticks), 0) FROM head");
            var processBytes = bytes.GetValueOrDefault("processes") + bytes.GetValueOrDefault("strings");
            var pageSize = Long(transaction, "PRAGMA page_size");
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
                new DvrProcessStats(processTicks, processBytes, processTicks == 0 ? 0 : Math.Round((double)processBytes / processTicks, 2)),
                file,
                wal,
                Long(transaction, "PRAGMA freelist_count") * pageSize,
                source);
        }
    }

    private DvrTierStats Rollup(DvrTier tier, string table, Dictionary<string, long> bytes, SqliteTransaction transaction)
    {
        // Only each row's directory is needed: read its first bytes through incremental blob I/O, not the whole row.
        var series = new HashSet<int>();
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
            using var blob = new SqliteBlob(_connection, table, "data", row, readOnly: true);
            var length = blob.Read(prefix, 0, (int)Math.Min(prefix.Length, blob.Length));
            if (!SectionReader.TryReadIds(prefix.AsSpan(0, length), series))
            {
                var whole = new byte[blob.Length];
                blob.Position = 0;
                blob.ReadExactly(whole);
                SectionReader.TryReadIds(whole, series);
            }
        }

        var samples = Long(transaction, $"SELECT COALESCE(SUM(buckets), 0) FROM {table}");
        var tableBytes = bytes.GetValueOrDefault(table);
        return new DvrTierStats(
            tier, series.Count, samples, tableBytes, PerSample(tableBytes, samples),
            Time(transaction, $"SELECT MIN(start_ms) FROM {table}"),
            Time(transaction, $"SELECT MAX(end_ms) FROM {table}"));
    }

    /// <summary>
    /// Bytes per table, its indexes included: from dbstat when SQLite has it (this bundle does not), else the used
    /// pages apportioned by each table's payload (blob lengths plus an estimate of row and index overhead).
    /// </summary>
    private (Dictionary<string, long> Bytes, string Source) TableBytes(SqliteTransaction transaction)
    {
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var command = Command(transaction, "SELECT s.tbl_name, SUM(d.pgsize) FROM dbstat d JOIN sqlite_schema s ON s.name = d.name GROUP BY s.tbl_name");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                bytes[reader.GetString(0)] = reader.GetInt64(1);
            }

            return (bytes, "dbstat");
        }
        catch (SqliteException)
        {
            var payload = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (table, size) in PayloadEstimates)
            {
                payload[table] = Long(transaction, $"SELECT COALESCE(SUM({size}), 0) FROM {table}");
            }

            var used = (Long(transaction, "PRAGMA page_count") - Long(transaction, "PRAGMA freelist_count")) * Long(transaction, "PRAGMA page_size");
            var total = payload.Values.Sum();
            foreach (var (table, share) in payload)
            {
                bytes[table] = total == 0 ? 0 : (long)Math.Round(used * share / total);
            }

            return (bytes, "apportioned");
        }
    }

    // Per row: the blob, a record header, integer columns, the cell pointer and size, and index entries.
    private static readonly (string Table, string Size)[] PayloadEstimates =
    [
        ("blocks", "length(times) + 24"),
        ("chunks", "length(data) + 42"),
        ("head", "length(data) + 40"),
        ("minute", "length(data) + 24"),
        ("hour", "length(data) + 24"),
        ("processes", "length(data) + 16"),
        ("strings", "(2 * length(value)) + 20"),
        ("series", "(2 * length(key)) + length(family) + length(unit) + 30"),
        ("meta", "length(key) + length(value) + 20"),
    ];

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
