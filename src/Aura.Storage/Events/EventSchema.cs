using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>
/// The event log's tables. Times are UTC microseconds, levels 0-3, data the raw JSON object. Every filter has an index
/// ending in the time (and the rowid), so a filtered newest-first page is an index range walked backwards.
/// </summary>
internal static class EventSchema
{
    public const int Version = 1;

    private const string Create = """
        CREATE TABLE IF NOT EXISTS events(
            id INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            source TEXT NOT NULL,
            event_type TEXT NOT NULL,
            level INTEGER NOT NULL,
            message TEXT,
            data BLOB);
        CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
        CREATE INDEX IF NOT EXISTS events_source_ts ON events(source, ts);
        CREATE INDEX IF NOT EXISTS events_type_ts ON events(event_type, ts);
        CREATE INDEX IF NOT EXISTS events_source_type_ts ON events(source, event_type, ts);
        CREATE INDEX IF NOT EXISTS events_level_ts ON events(level, ts);
        CREATE TABLE IF NOT EXISTS event_sources(name TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS event_types(name TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS event_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        """;

    /// <summary>Sets the file up for one writer: WAL, incremental vacuum (set before the first table), the tables.</summary>
    public static void Prepare(SqliteConnection connection)
    {
        var version = SqliteFile.Long(connection, "PRAGMA user_version");
        if (version > Version)
        {
            throw new EventLogException($"{connection.DataSource} was written by a newer Aura (event log schema {version}, this one knows {Version})");
        }

        if (version == 0 && SqliteFile.Long(connection, "SELECT count(*) FROM pragma_table_info('events')") > 0
            && SqliteFile.Long(connection, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'ts'") == 0)
        {
            // Another program's events table (EventLog.Open migrates Argus's before it gets here); Aura must not write into it.
            throw new EventLogException(
                $"{connection.DataSource} holds another program's events table, not Aura's event log: point [events] path (or [database] path) at a new file");
        }

        if (version == 0 && SqliteFile.IsEmpty(connection))
        {
            SqliteFile.Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL");
        }

        // NORMAL for both settings: with EventSync.Full the log's sync thread fsyncs the WAL after each commit itself.
        SqliteFile.UseWal(connection, "NORMAL");
        SqliteFile.Execute(connection, Create);
        SqliteFile.Execute(connection, $"PRAGMA user_version = {Version}");
    }
}
