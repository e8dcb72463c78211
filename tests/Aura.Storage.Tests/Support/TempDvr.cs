using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Support;

/// <summary>A temp directory holding one DVR file, deleted (with its -wal, -shm and .lock) when the test ends.</summary>
public sealed class TempDvr : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aura-dvr-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "telemetry.sqlite");

    public string Sibling(string name) => System.IO.Path.Combine(_directory, name);

    /// <summary>Runs a scalar COUNT (or other integer) query on the file, read-only.</summary>
    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Changes the file behind the writer's back (to make its flushes fail, say).</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
