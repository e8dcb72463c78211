using System.Globalization;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Schema;

/// <summary>
/// Pragmas and migrations for the writer's connection. WAL lets readers in other processes read while the writer
/// commits; synchronous=FULL fsyncs the WAL at each commit, which is what makes "a power cut loses at most one
/// flush interval" true (NORMAL only survives process crashes), and at one commit per flush it costs one fsync
/// every few seconds. auto_vacuum=INCREMENTAL lets retention hand freed pages back to the file system a few at a time.
/// </summary>
internal static class StoreSetup
{
    public const int PageSize = 4096;

    public static void Prepare(SqliteConnection connection, StoreShape shape)
    {
        switch (shape.Kind)
        {
            case StoreKind.Empty:
                SqliteFile.Execute(connection, $"PRAGMA page_size = {PageSize}");
                SqliteFile.Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL");
                break;
            case StoreKind.Legacy:
                // auto_vacuum can only change on an existing file through VACUUM, which needs rollback journaling.
                SqliteFile.Execute(connection, "PRAGMA journal_mode = DELETE");
                SqliteFile.Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL");
                SqliteFile.Execute(connection, "VACUUM");
                break;
        }

        SqliteFile.UseWal(connection, "FULL");
        if (shape.Version >= DvrSchema.CurrentVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        DvrSchema.Migrate(connection, transaction, shape.Version);
        if (shape.Version == 0)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO meta(key, value) VALUES ('created_by', $v)";
            command.Parameters.AddWithValue("$v", "Aura " + typeof(StoreSetup).Assembly.GetName().Version?.ToString());
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static string? Meta(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, long value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value.ToString(CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
