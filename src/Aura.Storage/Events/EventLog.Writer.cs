using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>The writer thread: group commit of queued inserts, and maintenance steps between batches.</summary>
public sealed partial class EventLog
{
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly List<InsertJob> _batch = [];
    private readonly List<StoredEvent> _committed = [];
    private readonly List<(HashSet<string> Set, string Name)> _addedNames = [];
    private SqliteCommand? _insert;
    private SqliteCommand? _insertSource;
    private SqliteCommand? _insertType;
    private long _nextId;

    private void Load()
    {
        var lastDeleted = EventSchema.Scalar(_connection, "SELECT coalesce((SELECT value FROM event_meta WHERE key = 'last_deleted_id'), 0)");
        _nextId = Math.Max(EventSchema.Scalar(_connection, "SELECT coalesce(max(id), 0) FROM events"), lastDeleted) + 1;
        ReadNames("SELECT name FROM event_sources", _sources);
        ReadNames("SELECT name FROM event_types", _types);
        _insert = Prepare(
            "INSERT INTO events(id, ts, source, event_type, level, message, data) VALUES ($id, $ts, $source, $type, $level, $message, $data)",
            "$id", "$ts", "$source", "$type", "$level", "$message", "$data");
        _insertSource = Prepare("INSERT OR IGNORE INTO event_sources(name) VALUES ($name)", "$name");
        _insertType = Prepare("INSERT OR IGNORE INTO event_types(name) VALUES ($name)", "$name");
    }

    private void ReadNames(string sql, HashSet<string> into, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into.Add(reader.GetString(0));
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private void RunWriter()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            var events = 0;
            while (reader.TryPeek(out var next))
            {
                if (next is MaintenanceJob maintenance)
                {
                    if (_batch.Count == 0)
                    {
                        reader.TryRead(out _);
                        RunMaintenance(maintenance);
                    }

                    break;
                }

                var insert = (InsertJob)next;
                if (_batch.Count > 0 && events + insert.Events.Count > _options.MaxBatchEvents)
                {
                    break;
                }

                reader.TryRead(out _);
                _batch.Add(insert);
                events += insert.Events.Count;
            }

            if (_batch.Count > 0)
            {
                Commit();
                _batch.Clear();
            }
        }
    }

    private void Commit()
    {
        var firstId = _nextId;
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction();
            _insert!.Transaction = transaction;
            _insertSource!.Transaction = transaction;
            _insertType!.Transaction = transaction;
            foreach (var job in _batch)
            {
                job.FirstId = _nextId;
                foreach (var e in job.Events)
                {
                    Insert(e);
                }
            }

            transaction.Commit();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            try
            {
                transaction?.Rollback();
            }
            catch (SqliteException)
            {
                // The connection already rolled back (a failed COMMIT does).
            }

            _nextId = firstId;
            foreach (var (set, name) in _addedNames)
            {
                set.Remove(name);
            }

            _addedNames.Clear();
            foreach (var job in _batch)
            {
                job.Fail(new EventLogException($"storing events in {Path} failed: {e.Message}", e));
            }

            CommitFailed?.Invoke(e);
            return;
        }
        finally
        {
            transaction?.Dispose();
        }

        _addedNames.Clear();
        foreach (var job in _batch)
        {
            job.Complete();
        }

        Publish();
    }

    private void Insert(NewEvent e)
    {
        var p = _insert!.Parameters;
        p[0].Value = _nextId++;
        p[1].Value = e.TimestampMicros;
        p[2].Value = e.Source;
        p[3].Value = e.EventType;
        p[4].Value = (long)e.Level;
        p[5].Value = (object?)e.Message ?? DBNull.Value;
        p[6].Value = e.Data.IsEmpty ? DBNull.Value : Bytes(e.Data);
        _insert.ExecuteNonQuery();
        AddName(_sources, _insertSource!, e.Source);
        AddName(_types, _insertType!, e.EventType);
    }

    private void AddName(HashSet<string> known, SqliteCommand command, string name)
    {
        if (known.Add(name))
        {
            _addedNames.Add((known, name));
            command.Parameters[0].Value = name;
            command.ExecuteNonQuery();
        }
    }

    private static byte[] Bytes(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : data.ToArray();

    private void Publish()
    {
        var committed = Committed;
        if (committed is null)
        {
            return;
        }

        _committed.Clear();
        foreach (var job in _batch)
        {
            var id = job.FirstId;
            foreach (var e in job.Events)
            {
                _committed.Add(new StoredEvent(id++, e));
            }
        }

        try
        {
            committed(_committed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A listener's fault must not kill the writer: the events are already durable and acknowledged.
            PublishFailed?.Invoke(e);
        }
    }

    private void RunMaintenance(MaintenanceJob job)
    {
        try
        {
            if (!job.Transactional)
            {
                job.Complete(job.Work(_connection, null!));
                return;
            }

            using var transaction = _connection.BeginTransaction();
            var result = job.Work(_connection, transaction);
            transaction.Commit();
            job.Complete(result);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            job.Fail(e);
        }
    }
}
