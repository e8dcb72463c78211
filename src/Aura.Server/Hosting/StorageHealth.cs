using Aura.Storage.Dvr;
using Aura.Storage.Events;

namespace Aura.Server.Hosting;

/// <summary>
/// Whether the DVR and the event log are writing. A failed flush or commit (a full disk, a damaged page) makes the
/// daemon's health <c>degraded</c> with the reason and the count, in <c>/api/health</c>, <c>aura health</c> and
/// <c>aura status</c>, until a later write to the same store succeeds; the count stays.
/// </summary>
public sealed class StorageHealth
{
    private readonly Lock _sync = new();
    private long _errors;
    private string? _dvrFailure;
    private string? _eventsFailure;
    private string? _damage;
    private string? _lastError;

    /// <summary>Storage failures since the daemon started.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>The latest failure's text, once there was one.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Why storage is failing now, or null while every store's latest write succeeded.</summary>
    public string? Problem
    {
        get
        {
            lock (_sync)
            {
                string?[] parts = [_dvrFailure, _eventsFailure, _damage];
                var present = Array.FindAll(parts, p => p is not null);
                return present.Length == 0 ? null : string.Join("; ", present);
            }
        }
    }

    public void Watch(DvrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.FlushFailed += (_, e) => Fail(ref _dvrFailure, $"DVR {writer.Options.Path}: writing failed: {e.Error.Message}");
        writer.Flushed += (_, _) => Clear(ref _dvrFailure);
    }

    public void Watch(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.CommitFailed += e => Fail(ref _eventsFailure, $"event log {log.Path}: storing events failed: {e.Message}");
        log.Committed += _ => Clear(ref _eventsFailure);
    }

    /// <summary>Records damage found elsewhere (a query met a damaged page); it stays until the daemon restarts after a repair.</summary>
    public void ReportDamage(string problem) => Fail(ref _damage, problem);

    private void Fail(ref string? slot, string message)
    {
        Interlocked.Increment(ref _errors);
        lock (_sync)
        {
            slot = message;
        }

        Volatile.Write(ref _lastError, message);
    }

    private void Clear(ref string? slot)
    {
        if (Volatile.Read(ref slot) is null)
        {
            return;
        }

        lock (_sync)
        {
            slot = null;
        }
    }
}
