using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Aura.Storage.Events;

/// <summary>Flushes the event log's write-ahead log to disk (fsync); the sync thread calls it once per round of commits.</summary>
internal class WalSync(string walPath) : IDisposable
{
    private FileStream? _file;

    /// <summary>The WAL file SQLite writes for the connection's database: its own resolved name (through any symlink) plus -wal.</summary>
    public static string PathOf(SqliteConnection connection) =>
        raw.sqlite3_db_filename(connection.Handle, "main").utf8_to_string() + "-wal";

    public virtual void Flush()
    {
        // Opened once a commit has created it; fsync reaches the file whatever descriptor asks, and this one never writes.
        _file ??= new FileStream(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _file.Flush(flushToDisk: true);
    }

    public virtual void Dispose() => _file?.Dispose();
}
