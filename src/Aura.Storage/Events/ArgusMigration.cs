using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>
/// Turns an Argus <c>events.db</c> into Aura's event log in place, so an Argus user's configured path keeps working with
/// every event it held. All or nothing, and the original is never written into:
/// <list type="number">
/// <item>Argus's WAL is checkpointed, so the file alone holds every event; a WAL that outlives our connection means a
/// program (Argus) still has the file open, and the migration stops.</item>
/// <item>A copy is written to <c>FILE.argus-backup</c> through SQLite's backup API and kept only once its rows have the
/// original's fingerprint.</item>
/// <item>Aura's log is built in <c>FILE.aura-migrating</c> in one transaction (ids kept, so id order and what clients saw
/// stay), checked against the original's count and id range, then renamed over <c>FILE</c>: one atomic step.</item>
/// </list>
/// A crash or an error before the rename leaves the original as it was (a leftover <c>.aura-migrating</c> file is ours
/// and is replaced next time). The caller holds the event log's writer lock.
/// </summary>
public static class ArgusMigration
{
    public const string BackupSuffix = ".argus-backup";

    public const string BuildingSuffix = ".aura-migrating";

    /// <summary>Whether <paramref name="path"/> is an Argus database: an <c>events</c> table with Argus's <c>timestamp</c> text column, no Aura schema version.</summary>
    public static bool IsArgus(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }

        using var connection = SqliteFile.Open(path, readOnly: true);
        try
        {
            return SqliteFile.Long(connection, "PRAGMA user_version") == 0
                && SqliteFile.Long(connection, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'timestamp'") == 1
                && SqliteFile.Long(connection, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'ts'") == 0;
        }
        finally
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Migrates <paramref name="path"/> when it is an Argus database; null when it is not (nothing touched).</summary>
    public static ArgusMigrationResult? MigrateIfArgus(string path)
    {
        var full = Path.GetFullPath(path);
        if (!IsArgus(full))
        {
            return null;
        }

        var backup = full + BackupSuffix;
        var building = full + BuildingSuffix;
        try
        {
            DeleteDatabase(building);
            var original = Checkpoint(full);
            Backup(full, backup, original);
            var repaired = ArgusLogBuilder.Build(full, building, original);
            Swap(full, building);
            return new ArgusMigrationResult(full, backup, original.Count, repaired);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new EventLogException($"cannot migrate the Argus database {full} to Aura's event log: {e.Message}; it was left as it was", e);
        }
        finally
        {
            DeleteDatabase(building);
            DeleteDatabase(backup + ".partial");
        }
    }

    /// <summary>Moves everything in Argus's WAL into the file and returns the original's fingerprint.</summary>
    private static ArgusFingerprint Checkpoint(string path)
    {
        ArgusFingerprint fingerprint;
        using (var connection = SqliteFile.Open($"Data Source={path};Mode=ReadWrite;Pooling=False"))
        {
            SqliteFile.Execute(connection, "PRAGMA busy_timeout = 5000");
            SqliteFile.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            fingerprint = ArgusFingerprint.Of(connection);
        }

        if (File.Exists(path + "-wal"))
        {
            throw new EventLogException($"{path} is open in another program (is Argus still running? stop it first); it was left as it was");
        }

        return fingerprint;
    }

    private static void Backup(string path, string backup, ArgusFingerprint original)
    {
        var partial = backup + ".partial";
        DeleteDatabase(partial);
        Files.PrivateFiles.Prepare(partial);
        using (var source = SqliteFile.Open($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        using (var copy = SqliteFile.Open($"Data Source={partial};Mode=ReadWrite;Pooling=False"))
        {
            source.BackupDatabase(copy);
            SqliteFile.Execute(copy, "PRAGMA journal_mode = DELETE");
            var copied = ArgusFingerprint.Of(copy);
            if (copied != original || !IntegrityOk(copy))
            {
                throw new EventLogException($"the backup {partial} does not match {path}; nothing was changed");
            }
        }

        Flush(partial);
        File.Move(partial, backup, overwrite: true);
    }

    private static void Swap(string path, string building)
    {
        Flush(building);
        // The original's WAL was emptied and removed by the checkpoint; a stale -shm would describe the old file.
        File.Delete(path + "-shm");
        File.Move(building, path, overwrite: true);
    }

    internal static bool IntegrityOk(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string == "ok";
    }

    private static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Removes a file this migration made (and its SQLite side files), never anything else.</summary>
    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
