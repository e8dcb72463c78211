using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>
/// Retention: once a day at the configured UTC time, events older than the configured days go, then the oldest go until
/// the live data fits the size cap, then free pages are returned to the file system. Deletes run on the writer in
/// chunks, so ingestion waits at most one chunk.
/// </summary>
public sealed partial class EventLog
{
    private const int DeleteChunk = 20_000;

    /// <summary>Runs retention now; returns how many events it deleted.</summary>
    public async Task<long> RunRetentionAsync(CancellationToken cancellationToken)
    {
        long deleted = 0;
        if (_options.RetentionDays > 0)
        {
            var cutoff = EventTime.Micros(_clock.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays));
            long chunk;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunk = await EnqueueMaintenance(new MaintenanceJob((c, t) => DeleteOldest(c, t, cutoff, DeleteChunk)));
                deleted += chunk;
            }
            while (chunk == DeleteChunk);
        }

        if (_options.MaxBytes is { } cap)
        {
            long live;
            while ((live = await EnqueueMaintenance(new MaintenanceJob((c, _) => LiveBytes(c), transactional: false))) > cap)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Delete the share of events the excess is, plus 1 % so a few rounds suffice, the oldest first.
                var count = await EnqueueMaintenance(new MaintenanceJob((c, t) => SqliteFile.Long(c, "SELECT count(*) FROM events", t)));
                var excess = (long)Math.Ceiling(count * (double)(live - cap) / live) + (count / 100);
                var take = (int)Math.Clamp(excess, 1, DeleteChunk);
                var chunk = await EnqueueMaintenance(new MaintenanceJob((c, t) => DeleteOldest(c, t, long.MaxValue, take)));
                deleted += chunk;
                if (chunk == 0)
                {
                    break;
                }
            }
        }

        if (deleted > 0)
        {
            await EnqueueMaintenance(new MaintenanceJob(ForgetUnusedNames));
            if (_options.VacuumAfterRetention)
            {
                await EnqueueMaintenance(new MaintenanceJob(Reclaim, transactional: false));
            }
        }

        return deleted;
    }

    /// <summary>Bytes the stored events take: used pages, not counting free ones.</summary>
    public long LiveBytes()
    {
        using var connection = OpenReader();
        return LiveBytes(connection);
    }

    private static long LiveBytes(SqliteConnection connection) =>
        (SqliteFile.Long(connection, "PRAGMA page_count") - SqliteFile.Long(connection, "PRAGMA freelist_count"))
        * SqliteFile.Long(connection, "PRAGMA page_size");

    private static long DeleteOldest(SqliteConnection connection, SqliteTransaction transaction, long beforeMicros, int limit)
    {
        // Remember the highest id ever deleted so ids are never reused, even if every event goes.
        using var remember = connection.CreateCommand();
        remember.Transaction = transaction;
        remember.CommandText = """
            INSERT INTO event_meta(key, value)
            SELECT 'last_deleted_id', m FROM (SELECT max(id) AS m FROM (SELECT id FROM events WHERE ts < $before ORDER BY ts LIMIT $chunk))
            WHERE m IS NOT NULL
            ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)
            """;
        remember.Parameters.AddWithValue("$before", beforeMicros);
        remember.Parameters.AddWithValue("$chunk", limit);
        remember.ExecuteNonQuery();

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE ts < $before ORDER BY ts LIMIT $chunk)";
        delete.Parameters.AddWithValue("$before", beforeMicros);
        delete.Parameters.AddWithValue("$chunk", limit);
        return delete.ExecuteNonQuery();
    }

    private long ForgetUnusedNames(SqliteConnection connection, SqliteTransaction transaction)
    {
        SqliteFile.Execute(connection, "DELETE FROM event_sources WHERE NOT EXISTS (SELECT 1 FROM events WHERE source = name)", transaction);
        SqliteFile.Execute(connection, "DELETE FROM event_types WHERE NOT EXISTS (SELECT 1 FROM events WHERE event_type = name)", transaction);
        _sources.Clear();
        _types.Clear();
        ReadNames("SELECT name FROM event_sources", _sources, transaction);
        ReadNames("SELECT name FROM event_types", _types, transaction);
        return 0;
    }

    private static long Reclaim(SqliteConnection connection, SqliteTransaction _)
    {
        SqliteFile.Execute(connection, "PRAGMA incremental_vacuum");
        SqliteFile.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        return 0;
    }

    private async Task RunRetentionLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var now = _clock.GetUtcNow();
                await Task.Delay(RetentionSchedule.NextRun(now, _options.RetentionTimeUtc) - now, _clock, stopping).ConfigureAwait(false);
                try
                {
                    await RunRetentionAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception e) when (e is SqliteException or EventLogException)
                {
                    Log.EventRetentionFailed(_logger, Path, e.Message, e);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping.
        }
    }
}
