using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    private const int BlocksPerStep = 32;
    private const int RowsPerStep = 256;
    private const int VacuumPagesPerStep = 2048;

    /// <summary>
    /// One bounded step of upkeep: merges one finished day's rollup rows per tier into one, drops blocks and rollup
    /// rows older than their tier's horizon (by the injected clock), then, over the size cap, the oldest raw blocks (then the oldest rollups), and hands freed pages back to
    /// the file system. Returns true while more remains to do. Readers never run this; the background loop does.
    /// </summary>
    public bool RunMaintenanceStep()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return MaintainCore();
        }
    }

    /// <summary>Checkpoints the WAL and rebuilds the file to its smallest size. Readers wait while it runs.</summary>
    public void Vacuum()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlushCore();
            SqliteFile.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            SqliteFile.Execute(_connection, "VACUUM");
            SqliteFile.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private bool MaintainCore()
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var retention = _options.Retention;
        var more = false;
        using (var transaction = _connection.BeginTransaction())
        {
            // Compaction first: a day's minute rows must be merged before the hour tier or retention looks at them.
            more |= CompactRollups("minute", Blocks.BlockSealer.MinuteMs, now, transaction);
            more |= CompactRollups("hour", Blocks.BlockSealer.HourMs, now, transaction);
            more |= DeleteRawBlocks(Cutoff(now, retention.Raw), BlocksPerStep, transaction) == BlocksPerStep;
            more |= DeleteRollups("minute", Cutoff(now, retention.Minute), RowsPerStep, transaction) == RowsPerStep;
            more |= DeleteRollups("hour", Cutoff(now, retention.Hour), RowsPerStep, transaction) == RowsPerStep;
            transaction.Commit();
        }

        if (retention.MaxBytes is { } cap)
        {
            more |= EnforceSizeCap(cap);
        }

        SqliteFile.Execute(_connection, $"PRAGMA incremental_vacuum({VacuumPagesPerStep})");
        return more || SqliteFile.Long(_connection, "PRAGMA freelist_count") > 0;
    }

    /// <summary>Bytes the database's pages hold, free pages excluded.</summary>
    private long UsedBytes() =>
        (SqliteFile.Long(_connection, "PRAGMA page_count") - SqliteFile.Long(_connection, "PRAGMA freelist_count")) * SqliteFile.Long(_connection, "PRAGMA page_size");

    private bool EnforceSizeCap(long cap)
    {
        for (var step = 0; step < BlocksPerStep; step++)
        {
            if (UsedBytes() <= cap)
            {
                return false;
            }

            using var transaction = _connection.BeginTransaction();
            var deleted = DeleteRawBlocks(long.MaxValue, 1, transaction) > 0
                || DeleteRollups("minute", long.MaxValue, 1, transaction) > 0
                || DeleteRollups("hour", long.MaxValue, 1, transaction) > 0;
            transaction.Commit();
            if (!deleted)
            {
                return false;
            }
        }

        return UsedBytes() > cap;
    }

    private int DeleteRawBlocks(long cutoffMs, int limit, SqliteTransaction transaction)
    {
        var starts = new List<long>();
        using (var select = _connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT start_ms FROM blocks WHERE start_ms < $cutoff AND end_ms < $cutoff ORDER BY start_ms LIMIT $limit";
            select.Parameters.AddWithValue("$cutoff", cutoffMs);
            select.Parameters.AddWithValue("$limit", limit);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                starts.Add(reader.GetInt64(0));
            }
        }

        using var delete = _connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM blocks WHERE start_ms = $s";
        var parameter = delete.Parameters.Add(new SqliteParameter("$s", 0L));
        foreach (var start in starts)
        {
            parameter.Value = start;
            delete.ExecuteNonQuery();
        }

        return starts.Count;
    }

    private int DeleteRollups(string table, long cutoffMs, int limit, SqliteTransaction transaction)
    {
        using var delete = _connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM {table} WHERE start_ms IN (SELECT start_ms FROM {table} WHERE start_ms < $cutoff AND end_ms < $cutoff ORDER BY start_ms LIMIT $limit)";
        delete.Parameters.AddWithValue("$cutoff", cutoffMs);
        delete.Parameters.AddWithValue("$limit", limit);
        return delete.ExecuteNonQuery();
    }

    private static long Cutoff(long nowMs, TimeSpan keep) =>
        keep >= TimeSpan.FromDays(365 * 1000) ? long.MinValue : nowMs - (long)keep.TotalMilliseconds;
}
