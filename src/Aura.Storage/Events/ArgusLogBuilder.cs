using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>
/// Writes Aura's event log for an Argus database into a new file: every row converted by <see cref="ArgusRow"/>, ids
/// kept, in one transaction; Argus's AUTOINCREMENT high-water mark kept too, so an id Argus handed out is never reused.
/// The file is checked and left standalone (no WAL) before the caller renames it into place.
/// </summary>
internal static class ArgusLogBuilder
{
    private static readonly string[] Parameters = ["$id", "$ts", "$source", "$type", "$level", "$message", "$data"];

    public static long Build(string argusPath, string building, ArgusFingerprint original)
    {
        Files.PrivateFiles.Prepare(building);
        long repaired = 0;
        using (var target = SqliteFile.Open($"Data Source={building};Mode=ReadWrite;Pooling=False"))
        {
            EventSchema.Prepare(target);
            SqliteFile.Execute(target, $"ATTACH DATABASE '{argusPath.Replace("'", "''", StringComparison.Ordinal)}' AS argus");
            using (var transaction = target.BeginTransaction())
            {
                repaired = CopyRows(target, transaction);
                SqliteFile.Execute(target, "INSERT OR IGNORE INTO event_sources(name) SELECT DISTINCT source FROM events", transaction);
                SqliteFile.Execute(target, "INSERT OR IGNORE INTO event_types(name) SELECT DISTINCT event_type FROM events", transaction);
                if (SqliteFile.Long(target, "SELECT count(*) FROM argus.sqlite_master WHERE name = 'sqlite_sequence'", transaction) == 1)
                {
                    SqliteFile.Execute(target,
                        "INSERT INTO event_meta(key, value) SELECT 'last_deleted_id', seq FROM argus.sqlite_sequence WHERE name = 'events'", transaction);
                }

                transaction.Commit();
            }

            SqliteFile.Execute(target, "DETACH DATABASE argus");
            Verify(target, building, original);
            SqliteFile.Execute(target, "PRAGMA wal_checkpoint(TRUNCATE)");
            SqliteFile.Execute(target, "PRAGMA journal_mode = DELETE");
        }

        return repaired;
    }

    private static long CopyRows(SqliteConnection target, SqliteTransaction transaction)
    {
        var hasCreatedAt = SqliteFile.Long(target, "SELECT count(*) FROM pragma_table_info('events', 'argus') WHERE name = 'created_at'", transaction) == 1;
        using var read = target.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT id, source, event_type, timestamp, message, level, data, " + (hasCreatedAt ? "created_at" : "NULL") + " FROM argus.events ORDER BY id";
        using var insert = target.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO main.events(id, ts, source, event_type, level, message, data) VALUES ($id, $ts, $source, $type, $level, $message, $data)";
        var parameters = Parameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();

        long repaired = 0;
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var e = ArgusRow.Convert(id, Bytes(reader, 1), Bytes(reader, 2), Bytes(reader, 3), Bytes(reader, 4), Bytes(reader, 5), Bytes(reader, 6), Bytes(reader, 7), ref repaired);
            parameters[0].Value = id;
            parameters[1].Value = e.TimestampMicros;
            parameters[2].Value = e.Source;
            parameters[3].Value = e.EventType;
            parameters[4].Value = (long)e.Level;
            parameters[5].Value = (object?)e.Message ?? DBNull.Value;
            parameters[6].Value = e.Data.IsEmpty ? DBNull.Value : e.Data.ToArray();
            insert.ExecuteNonQuery();
        }

        return repaired;
    }

    private static byte[]? Bytes(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<byte[]>(column);

    private static void Verify(SqliteConnection target, string building, ArgusFingerprint original)
    {
        var count = SqliteFile.Long(target, "SELECT count(*) FROM events");
        var min = SqliteFile.Long(target, "SELECT coalesce(min(id), 0) FROM events");
        var max = SqliteFile.Long(target, "SELECT coalesce(max(id), 0) FROM events");
        if (count != original.Count || min != original.MinId || max != original.MaxId || !ArgusMigration.IntegrityOk(target))
        {
            throw new EventLogException($"the migrated log {building} holds {count} events (ids {min}-{max}), not the original's {original.Count} ({original.MinId}-{original.MaxId})");
        }
    }
}
