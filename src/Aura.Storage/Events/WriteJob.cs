using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>Work for the writer: events to insert (grouped with others into one commit) or a maintenance step run alone.</summary>
internal abstract class WriteJob
{
    public abstract void Fail(Exception error);
}

/// <summary>One request's events; completes with the first id once the commit holding them is durable.</summary>
internal sealed class InsertJob(IReadOnlyList<NewEvent> events) : WriteJob
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<NewEvent> Events { get; } = events;

    public long FirstId { get; set; }

    public Task<long> Task => _done.Task;

    public void Complete() => _done.TrySetResult(FirstId);

    public override void Fail(Exception error) => _done.TrySetException(error);
}

/// <summary>A maintenance step (a retention chunk, a vacuum) run on the writer's connection in its own transaction.</summary>
internal sealed class MaintenanceJob(Func<SqliteConnection, SqliteTransaction, long> work, bool transactional = true) : WriteJob
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<SqliteConnection, SqliteTransaction, long> Work { get; } = work;

    /// <summary>False for steps SQLite refuses inside a transaction (incremental_vacuum may run in one, a checkpoint may not).</summary>
    public bool Transactional { get; } = transactional;

    public Task<long> Task => _done.Task;

    public void Complete(long result) => _done.TrySetResult(result);

    public override void Fail(Exception error) => _done.TrySetException(error);
}
