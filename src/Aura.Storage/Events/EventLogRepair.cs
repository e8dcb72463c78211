using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>
/// Salvages a damaged event log: copies every event that can still be read, keeping its id, into a fresh file, which
/// then takes the old one's place; the damaged file is kept beside it. Ranges of ids that fail to read are halved
/// until only the unreadable events are left out. Needs the writer's lock: the daemon must be stopped.
/// </summary>
public static class EventLogRepair
{
    private const long Chunk = 4096;

    public static EventLogRepairResult Run(string path, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new EventLogException($"{full} does not exist");
        }

        using var writerLock = WriterLockFile.TryAcquire(full, out var lockError) ?? throw new EventLogException(lockError + "; stop aura serve first");
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var fresh = $"{full}.repairing-{stamp}";
        var damaged = $"{full}.damaged-{stamp}";
        using (var created = EventLog.Open(new EventLogOptions { Path = fresh, BackgroundRetention = false }, clock))
        {
            // Opening creates the schema; nothing else.
        }

        long kept, lost;
        using (var connection = SqliteFile.Open(fresh, readOnly: false))
        {
            SqliteFile.Execute(connection, $"ATTACH DATABASE '{full.Replace("'", "''", StringComparison.Ordinal)}' AS old");
            var minId = TryScalar(connection, "SELECT min(id) FROM old.events") ?? 1;
            var maxId = TryScalar(connection, "SELECT max(id) FROM old.events") ?? 0;
            (kept, lost) = (0, 0);
            for (var low = minId; low <= maxId; low += Chunk)
            {
                var (k, l) = Copy(connection, low, Math.Min(maxId, low + Chunk - 1));
                kept += k;
                lost += l;
            }

            SqliteFile.Execute(connection, "INSERT OR IGNORE INTO event_sources(name) SELECT DISTINCT source FROM events");
            SqliteFile.Execute(connection, "INSERT OR IGNORE INTO event_types(name) SELECT DISTINCT event_type FROM events");
            TryExecute(connection, "INSERT OR REPLACE INTO event_meta(key, value) SELECT key, value FROM old.event_meta");
            SqliteFile.Execute(connection, "DETACH DATABASE old");
            SqliteFile.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(full + suffix))
            {
                File.Move(full + suffix, damaged + suffix);
            }
        }

        foreach (var suffix in new[] { "-wal", "-shm", ".lock" })
        {
            File.Delete(fresh + suffix);
        }

        File.Move(fresh, full);
        return new EventLogRepairResult(full, damaged, kept, lost);
    }

    /// <summary>Copies ids low..high; on a read error, each half separately, down to single events that are lost.</summary>
    private static (long Kept, long Lost) Copy(SqliteConnection connection, long low, long high)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO events SELECT id, ts, source, event_type, level, message, data FROM old.events WHERE id BETWEEN $low AND $high";
            command.Parameters.AddWithValue("$low", low);
            command.Parameters.AddWithValue("$high", high);
            return (command.ExecuteNonQuery(), 0);
        }
        catch (SqliteException)
        {
            if (low == high)
            {
                return (0, 1);
            }

            var middle = low + ((high - low) / 2);
            var (k1, l1) = Copy(connection, low, middle);
            var (k2, l2) = Copy(connection, middle + 1, high);
            return (k1 + k2, l1 + l2);
        }
    }

    private static long? TryScalar(SqliteConnection connection, string sql)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar() is long value ? value : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static void TryExecute(SqliteConnection connection, string sql)
    {
        try
        {
            SqliteFile.Execute(connection, sql);
        }
        catch (SqliteException)
        {
            // Metadata that cannot be read is rebuilt by the log as it runs.
        }
    }
}
