using System.Threading.Channels;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aura.Storage.Events;

/// <summary>
/// Durable application events on their own SQLite file (WAL, one writer). Requests queue their events; one writer thread
/// drains the queue into one transaction per batch and completes every waiting request only after COMMIT, so an
/// acknowledged event is on disk (group commit). Readers use their own connections and never block the writer.
/// </summary>
public sealed partial class EventLog : IDisposable
{
    private readonly EventLogOptions _options;
    private readonly TimeProvider _clock;
    private readonly FileStream _lock;
    private readonly SqliteConnection _connection;
    private readonly string _readConnectionString;
    private readonly Channel<WriteJob> _queue = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private readonly Thread _syncer;
    private readonly WalSync _walSync;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _retention = Task.CompletedTask;
    private int _disposed;

    private EventLog(EventLogOptions options, TimeProvider clock, FileStream writerLock, SqliteConnection connection, WalSync walSync, ILogger logger)
    {
        _logger = logger;
        _walSync = walSync;
        _options = options;
        _clock = clock;
        _lock = writerLock;
        _connection = connection;
        // Readers are pooled (one per query would reopen the file); the writer keeps its one connection.
        _readConnectionString = SqliteFile.ConnectionString(options.Path, readOnly: true, pooled: true);
        _writer = new Thread(RunWriter) { IsBackground = true, Name = "aura-event-writer" };
        _syncer = new Thread(RunSyncer) { IsBackground = true, Name = "aura-event-sync" };
    }

    /// <summary>Called on the sync thread with the events each commit made durable (the list is reused: copy what you keep).</summary>
    public event Action<IReadOnlyList<StoredEvent>>? Committed;

    /// <summary>Called when a commit fails; every request in it got the error.</summary>
    public event Action<Exception>? CommitFailed;

    public EventLogOptions Options => _options;

    public string Path => _options.Path;

    /// <summary>Set when opening found Argus's events.db at the path and migrated it (see <see cref="ArgusMigration"/>).</summary>
    public ArgusMigrationResult? Migration { get; private init; }

    /// <summary>Opens (creating if needed) the file for writing. Throws <see cref="EventLogException"/> when another process writes it.</summary>
    /// <param name="options">Where and how to store.</param>
    /// <param name="clock">Server time for events that carry none.</param>
    /// <param name="logger">Where the log's faults are reported (a failed commit, retention run or live delivery).</param>
    public static EventLog Open(EventLogOptions options, TimeProvider clock, ILogger? logger = null) =>
        Open(options, clock, walSync: null, logger);

    /// <summary>Opens the log with <paramref name="walSync"/> (tests: a sync that waits or fails) instead of the fsync of the WAL file.</summary>
    internal static EventLog Open(EventLogOptions options, TimeProvider clock, WalSync? walSync, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        var full = SqliteFile.PrepareDirectory(options.Path);

        var writerLock = Files.WriterLockFile.TryAcquire(full, out var lockError) ?? throw new EventLogException(lockError);
        SqliteConnection? connection = null;
        try
        {
            var migration = ArgusMigration.MigrateIfArgus(full);
            Files.PrivateFiles.Prepare(full);
            connection = SqliteFile.Open(full, readOnly: false);
            EventSchema.Prepare(connection);
            var log = new EventLog(options with { Path = full }, clock, writerLock, connection, walSync ?? new WalSync(WalSync.PathOf(connection)), logger ?? NullLogger.Instance)
            {
                Migration = migration,
            };
            log.Load();
            log._writer.Start();
            log._syncer.Start();
            if (options.BackgroundRetention)
            {
                log._retention = log.RunRetentionLoopAsync(log._stop.Token);
            }

            return log;
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            connection?.Dispose();
            writerLock.Dispose();
            throw new EventLogException($"cannot open the event log {full}: {e.Message}", e);
        }
        catch
        {
            connection?.Dispose();
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>Stores one event; completes with its id once it is durable.</summary>
    public Task<long> AppendAsync(NewEvent newEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        return Enqueue([newEvent]);
    }

    /// <summary>Stores every event in one transaction, or none; completes with the first id (the rest follow it in order) once durable.</summary>
    public Task<long> AppendBatchAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("a batch needs at least one event", nameof(events));
        }

        if (events.Count > _options.MaxBatchEvents)
        {
            throw new ArgumentException($"a batch holds at most {_options.MaxBatchEvents} events, not {events.Count}", nameof(events));
        }

        return Enqueue(events);
    }

    /// <summary>Stops taking events, commits what is queued, and closes the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _queue.Writer.TryComplete();
        _writer.Join();
        _syncer.Join();
        try
        {
            _retention.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Retention was cancelled or failed; nothing to keep.
        }

        _insert?.Dispose();
        _insertSource?.Dispose();
        _insertType?.Dispose();
        _walSync.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_readConnectionString));
        _lock.Dispose();
        _stop.Dispose();
    }

    private Task<long> Enqueue(IReadOnlyList<NewEvent> events)
    {
        if (_syncFailure is { } failure)
        {
            return Task.FromException<long>(failure);
        }

        var job = new InsertJob(events);
        if (!_queue.Writer.TryWrite(job))
        {
            throw new ObjectDisposedException(nameof(EventLog), "the event log is closed");
        }

        return job.Task;
    }

    private Task<long> EnqueueMaintenance(MaintenanceJob job)
    {
        if (!_queue.Writer.TryWrite(job))
        {
            throw new ObjectDisposedException(nameof(EventLog), "the event log is closed");
        }

        return job.Task;
    }

    private SqliteConnection OpenReader() => SqliteFile.Open(_readConnectionString);
}
