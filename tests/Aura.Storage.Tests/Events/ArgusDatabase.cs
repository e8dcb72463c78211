using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Events;

/// <summary>
/// An events.db as Argus wrote it: its table (id AUTOINCREMENT, source, event_type, timestamp text as the client sent it,
/// message, level, data as json.dumps text, created_at DEFAULT CURRENT_TIMESTAMP), its indexes, WAL mode.
/// </summary>
internal static class ArgusDatabase
{
    public const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            event_type TEXT NOT NULL,
            timestamp TEXT NOT NULL,
            message TEXT,
            level TEXT,
            data TEXT,
            created_at TEXT DEFAULT CURRENT_TIMESTAMP);
        CREATE INDEX idx_source ON events(source);
        CREATE INDEX idx_event_type ON events(event_type);
        CREATE INDEX idx_timestamp ON events(timestamp);
        CREATE INDEX idx_level ON events(level);
        """;

    /// <summary>Creates the file with Argus's schema, then runs <paramref name="inserts"/> (SQL) against it.</summary>
    public static void Create(string path, string inserts) => Execute(path, Schema + inserts);

    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Every row of the events table, every column as SQLite holds it (bytes as hex), in id order.</summary>
    public static List<string> Rows(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, source, event_type, timestamp, message, level, hex(data), created_at, hex(message) FROM events ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
