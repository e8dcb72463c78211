using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>Work for the writer: events to insert (grouped with others into one commit) or a maintenance step run alone.</summary>
internal abstract class WriteJob
{
    /// <summary>Completes the job once its commit is durable, or fails it with <paramref name="error"/>.</summary>
    public abstract void Finish(Exception? error);
}

/// <summary>One request's events; completes with the first id once the commit holding them is durable.</summary>
internal sealed class InsertJob(IReadOnlyList<NewEvent> events) : WriteJob
{
    // Continuations run on the thread pool, never on the sync thread, and never one inside another's completion.
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<NewEvent> Events { get; } = events;

    public long FirstId { get; set; }

    public Task<long> Task => _done.Task;

    public override void Finish(Exception? error)
    {
        if (error is null)
        {
            _done.TrySetResult(FirstId);
        }
        else
        {
            _done.TrySetException(error);
        }
    }
}

/// <summary>A maintenance step (a retention chunk, a vacuum) run on the writer's connection in its own transaction.</summary>
internal sealed class MaintenanceJob(Func<SqliteConnection, SqliteTransaction, long> work, bool transactional = true) : WriteJob
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<SqliteConnection, SqliteTransaction, long> Work { get; } = work;

    /// <summary>False for steps SQLite refuses inside a transaction (incremental_vacuum may run in one, a checkpoint may not).</summary>
    public bool Transactional { get; } = transactional;

    public Task<long> Task => _done.Task;

    /// <summary>What the step returned, set by the writer before the job is handed on.</summary>
    public long Result { get; set; }

    public override void Finish(Exception? error)
    {
        if (error is null)
        {
            _done.TrySetResult(Result);
        }
        else
        {
            _done.TrySetException(error);
        }
    }
}
