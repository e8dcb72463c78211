using System.Collections.Immutable;
using Aura.Core.Events;
using Aura.Server.Events;
using Aura.Storage.Dvr;
using Aura.Storage.Events;
using Microsoft.Data.Sqlite;

namespace Aura.Cli;

/// <summary>
/// The event log behind `aura serve`, and the audit events the daemon writes about itself (start, stop, DVR errors).
/// An explicitly chosen path that cannot be opened is an error (exit 2); the default one only costs a warning.
/// </summary>
internal sealed class ServeEvents : IDisposable
{
    private static readonly TimeSpan DvrErrorInterval = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _clock;
    private long _lastDvrError = long.MinValue;

    private ServeEvents(EventLog? log, string summary, TimeProvider clock)
    {
        Log = log;
        Summary = summary;
        _clock = clock;
        Audit = log is null ? null : new EventLogAuditTrail(log, clock);
    }

    public EventLog? Log { get; }

    public IAuditTrail? Audit { get; }

    /// <summary>One line for the banner: where events go, or why they do not.</summary>
    public string Summary { get; }

    public static ServeEvents Open(EventSettings settings, TimeProvider clock, TextWriter warnings)
    {
        if (settings.Options is not { } options)
        {
            return new ServeEvents(null, "off: no default location (no home directory); use --events-path", clock);
        }

        try
        {
            var log = EventLog.Open(options, clock);
            log.CommitFailed += e => warnings.WriteLine($"aura: warning: storing events in {log.Path} failed ({e.Message}); those requests were answered 500");
            log.RetentionFailed += e => warnings.WriteLine($"aura: warning: event retention on {log.Path} failed ({e.Message}); it runs again tomorrow");
            log.PublishFailed += e => warnings.WriteLine($"aura: warning: live event delivery failed ({e.Message})");
            var sync = options.Sync == EventSync.Full ? "synchronous=full" : "synchronous=normal";
            var migrated = log.Migration is { } m ? $"; migrated {m.Events} Argus events, the original kept as {m.Backup}" : "";
            return new ServeEvents(log, $"{log.Path} ({sync}, kept {options.RetentionDays} days{migrated})", clock);
        }
        catch (Exception e) when (e is EventLogException or SqliteException or IOException or UnauthorizedAccessException)
        {
            if (settings.PathIsExplicit)
            {
                throw new UsageException($"{settings.PathOrigin}: cannot use event log {options.Path}: {e.Message}");
            }

            warnings.WriteLine($"aura: warning: no event log: {options.Path} cannot be used ({e.Message})");
            return new ServeEvents(null, $"off: {e.Message}", clock);
        }
    }

    /// <summary>Records a daemon event; a failure to record is a warning, never a reason to stop serving.</summary>
    public async Task RecordAsync(string type, EventLevel level, string message, ImmutableDictionary<string, string> data, TextWriter warnings)
    {
        if (Audit is null)
        {
            return;
        }

        try
        {
            await Audit.RecordAsync(new AuditEvent(type, level, message, data), CancellationToken.None);
        }
        catch (Exception e) when (e is EventLogException or ObjectDisposedException)
        {
            await warnings.WriteLineAsync($"aura: warning: could not record {type} in the event log: {e.Message}");
        }
    }

    /// <summary>Writes a <c>dvr.error</c> event for DVR write failures, at most one a minute so a failing disk cannot flood the log.</summary>
    public void WatchDvr(DvrWriter writer, TextWriter warnings)
    {
        writer.FlushFailed += (_, e) =>
        {
            var now = _clock.GetTimestamp();
            var last = Interlocked.Read(ref _lastDvrError);
            if (last != long.MinValue && _clock.GetElapsedTime(last, now) < DvrErrorInterval)
            {
                return;
            }

            Interlocked.Exchange(ref _lastDvrError, now);
            _ = RecordAsync("dvr.error", EventLevel.Error, $"DVR write failed: {e.Error.Message}",
                ImmutableDictionary<string, string>.Empty.Add("path", writer.Options.Path).Add("error", e.Error.Message), warnings);
        };
    }

    public void Dispose() => Log?.Dispose();
}
