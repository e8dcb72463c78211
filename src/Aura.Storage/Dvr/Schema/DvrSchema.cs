using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Schema;

/// <summary>
/// The DVR's tables and their migrations. Step i brings a database from version i to i + 1; a database records its
/// version in <c>meta</c>. A sealed block is one row: its tick times, every series' chunk behind a directory, and
/// its process stream. One row per block, not per series, because SQLite fills overflow pages completely but leaf
/// pages holding multi-KiB cells only partly (measured: a quarter of the file was slack with a row per chunk), and
/// because an index per chunk and a b-tree per table cost pages too. Readers fetch one series' chunk through
/// incremental blob I/O, so they read its bytes and the directory, not the block. Series keys and interned strings are unique because the one
/// writer keeps them so in memory; no index enforces it, since every b-tree costs a page even when nearly empty.
/// </summary>
internal static class DvrSchema
{
    public const string LegacyTable = "snapshots";

    public static readonly string[] Tables = ["meta", "series", "strings", "blocks", "minute", "hour", "head"];

    private static readonly string[][] Steps =
    [
        [
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
            "CREATE TABLE series(id INTEGER PRIMARY KEY, key TEXT NOT NULL, family TEXT NOT NULL, unit TEXT NOT NULL, precision REAL NOT NULL)",
            "CREATE TABLE strings(id INTEGER PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE blocks(start_ms INTEGER PRIMARY KEY, end_ms INTEGER NOT NULL, ticks INTEGER NOT NULL, samples INTEGER NOT NULL, times BLOB NOT NULL, series BLOB NOT NULL, processes BLOB NOT NULL)",
            "CREATE TABLE minute(start_ms INTEGER PRIMARY KEY, end_ms INTEGER NOT NULL, buckets INTEGER NOT NULL, data BLOB NOT NULL)",
            "CREATE TABLE hour(start_ms INTEGER PRIMARY KEY, end_ms INTEGER NOT NULL, buckets INTEGER NOT NULL, data BLOB NOT NULL)",
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
                SqliteFile.Execute(connection, sql, transaction);
            }
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$v", Steps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
