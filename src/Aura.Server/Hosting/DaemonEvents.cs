using System.Collections.Immutable;
using Aura.Core.Events;
using Aura.Core.Config;
using Aura.Server.Events;
using Aura.Storage.Dvr;
using Aura.Storage.Events;
using Microsoft.Data.Sqlite;

namespace Aura.Server.Hosting;

/// <summary>
/// The daemon's event log, and the audit events the daemon writes about itself (start, stop, DVR errors).
/// An explicitly chosen path that cannot be opened is an error (exit 2); the default one only costs a warning.
/// </summary>
public sealed class DaemonEvents : IDisposable
{
    private static readonly TimeSpan DvrErrorInterval = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _clock;
    private long _lastDvrError = long.MinValue;

    private DaemonEvents(EventLog? log, string summary, TimeProvider clock, IAuditTrail? audit = null)
    {
        Log = log;
        Summary = summary;
        _clock = clock;
        Audit = audit ?? (log is null ? null : new EventLogAuditTrail(log, clock));
    }

    public EventLog? Log { get; }

    public IAuditTrail? Audit { get; }

    /// <summary>One line for the banner: where events go, or why they do not.</summary>
    public string Summary { get; }

    /// <exception cref="ConfigException">An explicitly chosen event log cannot be used.</exception>
    public static DaemonEvents Open(EventSettings settings, TimeProvider clock, TextWriter warnings)
    {
        if (settings.Options is not { } options)
        {
            return new DaemonEvents(null, "off: no default location (no home directory); use --events-path", clock);
        }

        try
        {
            var log = EventLog.Open(options, clock, new WarningLogger(warnings));
            var sync = options.Sync == EventSync.Full ? "synchronous=full" : "synchronous=normal";
            var migrated = log.Migration is { } m ? $"; migrated {m.Events} Argus events, the original kept as {m.Backup}" : "";
            return new DaemonEvents(log, $"{log.Path} ({sync}, kept {options.RetentionDays} days{migrated})", clock);
        }
        catch (Exception e) when (e is EventLogException or SqliteException or IOException or UnauthorizedAccessException)
        {
            if (settings.PathIsExplicit)
            {
                throw new ConfigException($"{settings.PathOrigin}: cannot use event log {options.Path}: {e.Message}", e);
            }

            warnings.WriteLine($"aura: warning: no event log: {options.Path} cannot be used ({e.Message})");
            return new DaemonEvents(null, $"off: {e.Message}", clock);
        }
    }

    /// <summary>Events through a log the host opened (and disposes): the daemon only records its own events in it.</summary>
    public static DaemonEvents Using(EventLog log, IAuditTrail? audit, TimeProvider clock) =>
        new(log, log.Path, clock, audit);

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
