using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>The writer thread: group commit of queued inserts, and maintenance steps between batches; both are handed to the sync thread once committed.</summary>
public sealed partial class EventLog
{
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly List<InsertJob> _batch = [];
    private readonly List<(HashSet<string> Set, string Name)> _addedNames = [];
    private EventInsert? _insert;
    private SqliteCommand? _insertSource;
    private SqliteCommand? _insertType;
    private long _nextId;

    private void Load()
    {
        var lastDeleted = SqliteFile.Long(_connection, "SELECT coalesce((SELECT value FROM event_meta WHERE key = 'last_deleted_id'), 0)");
        _nextId = Math.Max(SqliteFile.Long(_connection, "SELECT coalesce(max(id), 0) FROM events"), lastDeleted) + 1;
        ReadNames("SELECT name FROM event_sources", _sources);
        ReadNames("SELECT name FROM event_types", _types);
        _insertSource = Prepare("INSERT OR IGNORE INTO event_sources(name) VALUES ($name)", "$name");
        _insertType = Prepare("INSERT OR IGNORE INTO event_types(name) VALUES ($name)", "$name");
        _insert = new EventInsert(_connection);
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
            AwaitSyncerReady();
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
                if (_syncFailure is { } failure)
                {
                    Release([.. _batch], failure);
                }
                else
                {
                    Commit();
                }

                _batch.Clear();
            }
        }

        WriterDone();
    }

    private void Commit()
    {
        var firstId = _nextId;
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction();
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
            Release([.. _batch], new EventLogException($"storing events in {Path} failed: {e.Message}", e));

            Log.EventCommitFailed(_logger, Path, e.Message, e);
            CommitFailed?.Invoke(e);
            return;
        }
        finally
        {
            transaction?.Dispose();
        }

        _addedNames.Clear();
        HandOff([.. _batch]);
    }

    private void Insert(NewEvent e)
    {
        _insert!.Run(_nextId++, e);
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

    private void RunMaintenance(MaintenanceJob job)
    {
        try
        {
            if (!job.Transactional)
            {
                job.Result = job.Work(_connection, null!);
            }
            else
            {
                using var transaction = _connection.BeginTransaction();
                job.Result = job.Work(_connection, transaction);
                transaction.Commit();
            }

            HandOff([job]);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            Release([job], e);
        }
    }
}
