using System.Globalization;
using Aura.Core.Series;
using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Schema;
using Aura.Storage.Dvr.Writer;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    private const string LegacyImportedKey = "legacy_imported_rows";

    /// <summary>
    /// Imports the <c>snapshots</c> rows of a Python Aura database (either form) as ticks of
    /// aura_cpu_usage_ratio and aura_memory_used_ratio. Only rows older than this DVR's oldest tick are taken, so
    /// history is prepended and never interleaved; the rest are counted as skipped. The source is not changed.
    /// </summary>
    public DvrImportResult Import(string legacyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legacyPath);
        if (!File.Exists(legacyPath))
        {
            throw new DvrException($"{legacyPath} does not exist.");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlushCore();
            using var source = SqliteFile.Open(legacyPath, readOnly: true);
            try
            {
                if (!SchemaInspector.IsLegacyTable(source, "main"))
                {
                    throw new DvrException($"{legacyPath} is not a Python Aura database: it has no snapshots(timestamp, cpu_percent, memory_percent) table.");
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
            {
                throw new DvrException($"{legacyPath} is not a SQLite database ({e.Message.TrimEnd('.')}).", e);
            }

            return ImportLegacy(source, markImported: false);
        }
    }

    private DvrImportResult ImportLegacy(SqliteConnection source, bool markImported = true)
    {
        var oldest = OldestTickMs();
        int cpu, memory;
        lock (_sync)
        {
            cpu = _registry.Resolve(SeriesCatalog.CpuUsage, null, null);
            memory = _registry.Resolve(SeriesCatalog.MemoryUsedRatio, null, null);
            _registry.TakeUnsaved(_pendingSeries);
        }

        var cpuSeries = _registry[cpu];
        var memorySeries = _registry[memory];
        long imported = 0, skipped = 0, first = long.MinValue, last = long.MinValue;
        using var block = new OpenBlock();
        using var sealer = new BlockSealer();
        using var transaction = _connection.BeginTransaction();
        foreach (var series in _pendingSeries)
        {
            _store.InsertSeries(series, transaction);
        }

        using (var command = source.CreateCommand())
        {
            command.CommandText = $"SELECT timestamp, cpu_percent, memory_percent FROM {DvrSchema.LegacyTable} ORDER BY timestamp";
            command.Transaction = ReferenceEquals(source, _connection) ? transaction : null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!TryReadMs(reader.GetValue(0), out var timeMs) || timeMs >= oldest || timeMs <= last)
                {
                    skipped++;
                    continue;
                }

                if (block.TickCount > 0 && BlockWindow.MustSeal(block, timeMs, _options.MaxBlockTicks))
                {
                    _store.InsertSealed(sealer.Seal(block), transaction);
                    block.Start(0);
                }

                if (block.TickCount == 0)
                {
                    block.Start(BlockWindow.EndOf(timeMs, _spanMs));
                }

                block.BeginTick(timeMs);
                SetPercent(block, cpu, cpuSeries, reader, 1);
                SetPercent(block, memory, memorySeries, reader, 2);
                block.EndTick();
                block.Processes.WriteVarUInt(0);
                first = imported++ == 0 ? timeMs : first;
                last = timeMs;
            }
        }

        if (block.TickCount > 0)
        {
            _store.InsertSealed(sealer.Seal(block), transaction);
        }

        if (markImported)
        {
            StoreSetup.SetMeta(_connection, transaction, LegacyImportedKey, imported);
        }

        transaction.Commit();
        _pendingSeries.Clear();
        return new DvrImportResult(imported, skipped, ToTime(imported > 0, first), ToTime(imported > 0, last));
    }

    private long OldestTickMs()
    {
        var stored = SqliteFile.NullableLong(_connection, "SELECT MIN(m) FROM (SELECT MIN(start_ms) AS m FROM blocks UNION ALL SELECT MIN(first_ms) FROM head)");
        lock (_sync)
        {
            var open = _open.TickCount > 0 ? _open.StartMs : long.MaxValue;
            return Math.Min(stored ?? long.MaxValue, open);
        }
    }

    private static void SetPercent(OpenBlock block, int slot, SeriesSlot series, SqliteDataReader reader, int ordinal)
    {
        if (!reader.IsDBNull(ordinal) && series.Quantizer.TryEncode(reader.GetDouble(ordinal) / 100.0, out var units))
        {
            block.Set(slot, series.Id, units);
        }
    }

    private static bool TryReadMs(object value, out long timeMs)
    {
        double seconds;
        switch (value)
        {
            case double d:
                seconds = d;
                break;
            case long l:
                seconds = l;
                break;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                seconds = parsed;
                break;
            case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time):
                timeMs = time.ToUnixTimeMilliseconds();
                return true;
            default:
                timeMs = 0;
                return false;
        }

        timeMs = (long)Math.Round(seconds * 1000.0);
        return double.IsFinite(seconds) && Math.Abs(seconds) < 1e14;
    }

    private static DateTimeOffset? ToTime(bool any, long timeMs) => any ? DateTimeOffset.FromUnixTimeMilliseconds(timeMs) : null;
}
