namespace Aura.Storage.Events;

/// <summary>
/// The sync thread: a commit is answered only once it is durable. The writer commits with SQLite's synchronous=NORMAL
/// (no fsync of its own) and hands the commit here; with <see cref="EventSync.Full"/> this thread fsyncs the write-ahead
/// log, then completes the commit's requests and publishes its events. The writer meanwhile commits the next batch, so
/// inserting and syncing overlap, and one fsync covers every commit made before it began. (SQLite's own FULL mode would
/// fsync inside COMMIT, with the writer idle.) Readers may see a commit a moment before its fsync ends; no request is
/// answered before. A failed fsync stops the log: the kernel may have dropped the pages it could not write, and WAL
/// recovery stops at the first lost frame, so nothing after it could be promised durable until the file is reopened.
/// </summary>
public sealed partial class EventLog
{
    private readonly object _syncGate = new();
    private List<WriteJob[]> _toSync = [];
    private List<WriteJob[]> _syncing = [];
    private readonly List<StoredEvent> _published = [];
    private bool _writerDone;
    private volatile EventLogException? _syncFailure;

    /// <summary>Called by the writer with a committed batch (insert jobs with their first ids set, or one maintenance step).</summary>
    private void HandOff(WriteJob[] jobs)
    {
        lock (_syncGate)
        {
            _toSync.Add(jobs);
            Monitor.PulseAll(_syncGate);
        }
    }

    /// <summary>
    /// Holds the writer while a commit waits for the sync thread: committing again before that fsync starts would cost a
    /// commit and gain nothing, and the requests arriving meanwhile join the next, larger batch.
    /// </summary>
    private void AwaitSyncerReady()
    {
        lock (_syncGate)
        {
            while (_toSync.Count > 0)
            {
                Monitor.Wait(_syncGate);
            }
        }
    }

    private void WriterDone()
    {
        lock (_syncGate)
        {
            _writerDone = true;
            Monitor.PulseAll(_syncGate);
        }
    }

    private void RunSyncer()
    {
        while (true)
        {
            lock (_syncGate)
            {
                while (_toSync.Count == 0 && !_writerDone)
                {
                    Monitor.Wait(_syncGate);
                }

                if (_toSync.Count == 0)
                {
                    return;
                }

                (_toSync, _syncing) = (_syncing, _toSync);
                Monitor.PulseAll(_syncGate);
            }

            var error = _syncFailure;
            try
            {
                if (error is null && _options.Sync == EventSync.Full)
                {
                    _walSync.Flush();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = new EventLogException(
                    $"making events durable in {Path} failed (fsync of the write-ahead log: {e.Message}); the event log takes no more events until it is reopened (restart aura serve)", e);
                _syncFailure = error;
                Log.EventCommitFailed(_logger, Path, error.Message, error);
                CommitFailed?.Invoke(error);
            }

            // Live subscribers first: offering the frames takes microseconds, and the answers then race the deliveries.
            if (error is null)
            {
                Publish(_syncing);
            }

            foreach (var jobs in _syncing)
            {
                Release(jobs, error);
            }

            _syncing.Clear();
        }
    }

    /// <summary>Completes a commit's jobs (their continuations run on the thread pool).</summary>
    private static void Release(WriteJob[] jobs, Exception? error)
    {
        foreach (var job in jobs)
        {
            job.Finish(error);
        }
    }

    private void Publish(List<WriteJob[]> commits)
    {
        var committed = Committed;
        if (committed is null)
        {
            return;
        }

        _published.Clear();
        foreach (var jobs in commits)
        {
            foreach (var job in jobs)
            {
                if (job is InsertJob insert)
                {
                    var id = insert.FirstId;
                    foreach (var e in insert.Events)
                    {
                        _published.Add(new StoredEvent(id++, e));
                    }
                }
            }
        }

        if (_published.Count == 0)
        {
            return;
        }

        try
        {
            committed(_published);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A listener's fault must not stop the sync thread: the events are already durable and acknowledged.
            Log.EventPublishFailed(_logger, e.Message, e);
        }
    }
}
