using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Aura.Storage.Events;

/// <summary>
/// The writer's one prepared INSERT, bound through SQLite's C API: ADO.NET's parameter objects box every value and
/// convert every string on each row (half of the 5.2 µs a row of this table cost without its indexes).
/// </summary>
internal sealed class EventInsert : IDisposable
{
    private const string Sql = "INSERT INTO events(id, ts, source, event_type, level, message, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public EventInsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the event log's connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, Sql, out _statement));
    }

    /// <summary>Inserts one row inside the caller's transaction; throws <see cref="SqliteException"/> when SQLite refuses it.</summary>
    public void Run(long id, NewEvent e)
    {
        try
        {
            Check(raw.sqlite3_bind_int64(_statement, 1, id));
            Check(raw.sqlite3_bind_int64(_statement, 2, e.TimestampMicros));
            Check(BindText(3, e.Source));
            Check(BindText(4, e.EventType));
            Check(raw.sqlite3_bind_int64(_statement, 5, (long)e.Level));
            Check(e.Message is null ? raw.sqlite3_bind_null(_statement, 6) : BindText(6, e.Message));
            Check(e.Data.IsEmpty ? raw.sqlite3_bind_null(_statement, 7) : raw.sqlite3_bind_blob(_statement, 7, e.Data.Span));
            var done = raw.sqlite3_step(_statement);
            if (done != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(done, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    // An empty span reaches SQLite as a null pointer, which it stores as NULL: bind "" as the empty string it is.
    private int BindText(int index, string value) =>
        value.Length == 0 ? raw.sqlite3_bind_text(_statement, index, string.Empty) : raw.sqlite3_bind_text16(_statement, index, value);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
