using Microsoft.Data.Sqlite;

namespace Aura.Storage.Files;

/// <summary>
/// What the DVR and the event log do alike with their SQLite files: open a connection, set the file up for one
/// writer (WAL), and run one-off statements (pragmas, schema changes, small lookups).
/// </summary>
internal static class SqliteFile
{
    /// <summary>
    /// The page cache of a writer's connection, in KiB (SQLite's default is 2,000). A writer appends at the end of its
    /// tables and indexes, so a small cache holds what it reuses, and the daemon's memory stays bounded however large
    /// the file grows. Pages read again come from the operating system's cache.
    /// </summary>
    public const int WriterCacheKib = 512;

    /// <summary>The connection string for <paramref name="path"/>; pooled only for short-lived readers.</summary>
    public static string ConnectionString(string path, bool readOnly, bool pooled = false) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // An unpooled connection lets go of the file at Dispose; a writer keeps its one connection anyway.
            Pooling = pooled,
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>Opens <paramref name="path"/>, waiting up to 5 s for another connection's lock; a writer's cache is <see cref="WriterCacheKib"/>.</summary>
    public static SqliteConnection Open(string path, bool readOnly, bool pooled = false)
    {
        var connection = Open(ConnectionString(path, readOnly, pooled));
        try
        {
            Execute(connection, "PRAGMA busy_timeout = 5000");
            if (!readOnly)
            {
                Execute(connection, $"PRAGMA cache_size = -{WriterCacheKib}");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection string as it is (a pooled reader needs no pragma per open).</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates the directory that will hold <paramref name="path"/>; returns the full path.</summary>
    public static string PrepareDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return full;
    }

    /// <summary>WAL, so readers in other processes read while the one writer commits, at the given synchronous level.</summary>
    public static void UseWal(SqliteConnection connection, string synchronous)
    {
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, $"PRAGMA synchronous = {synchronous}");
    }

    /// <summary>True when the file holds nothing yet (no table, no index): page size and auto_vacuum may still be set.</summary>
    public static bool IsEmpty(SqliteConnection connection) => Long(connection, "SELECT count(*) FROM sqlite_master") == 0;

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row as an integer; 0 when there is none.</summary>
    public static long Long(SqliteConnection connection, string sql, SqliteTransaction? transaction = null) =>
        NullableLong(connection, sql, transaction) ?? 0;

    public static long? NullableLong(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        return command.ExecuteScalar() is long value ? value : null;
    }

    public static string? Text(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        return command.ExecuteScalar() as string;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
