using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Schema;

/// <summary>
/// The DVR's tables and their migrations. Step i brings a database from version i to i + 1; a database records its
/// version in <c>meta</c>. Blobs live in rowid tables (not WITHOUT ROWID) so a chunk of a few KiB stays on its
/// leaf page instead of spilling into overflow pages.
/// </summary>
internal static class DvrSchema
{
    public const string LegacyTable = "snapshots";

    public static readonly string[] Tables = ["meta", "series", "strings", "blocks", "chunks", "minute", "hour", "processes", "head"];

    private static readonly string[][] Steps =
    [
        [
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE series(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, family TEXT NOT NULL, unit TEXT NOT NULL, precision REAL NOT NULL)",
            "CREATE TABLE strings(id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE)",
            "CREATE TABLE blocks(start_ms INTEGER PRIMARY KEY, end_ms INTEGER NOT NULL, ticks INTEGER NOT NULL, times BLOB NOT NULL)",
            "CREATE TABLE chunks(series_id INTEGER NOT NULL, start_ms INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL)",
            "CREATE UNIQUE INDEX chunks_by_block ON chunks(start_ms, series_id)",
            "CREATE TABLE minute(start_ms INTEGER PRIMARY KEY, end_ms INTEGER NOT NULL, buckets INTEGER NOT NULL, data BLOB NOT NULL)",
            "CREATE TABLE hour(start_ms INTEGER PRIMARY KEY, end_ms INTEGER NOT NULL, buckets INTEGER NOT NULL, data BLOB NOT NULL)",
            "CREATE TABLE processes(start_ms INTEGER PRIMARY KEY, ticks INTEGER NOT NULL, data BLOB NOT NULL)",
            "CREATE TABLE head(seq INTEGER PRIMARY KEY, block_start INTEGER NOT NULL, first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, ticks INTEGER NOT NULL, samples INTEGER NOT NULL, data BLOB NOT NULL)",
        ],
    ];

    public static int CurrentVersion => Steps.Length;

    /// <summary>Runs the steps from <paramref name="version"/> to the current version inside <paramref name="transaction"/>.</summary>
    public static void Migrate(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        for (var step = version; step < Steps.Length; step++)
        {
            foreach (var sql in Steps[step])
            {
                Sql.Execute(connection, sql, transaction);
            }
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$v", Steps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
