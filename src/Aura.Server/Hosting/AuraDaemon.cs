using System.Collections.Immutable;
using Aura.Controls;
using Aura.Core.Config;
using Aura.Core.Events;
using Aura.Storage.Dvr;
using Aura.Telemetry;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Hosting;

/// <summary>
/// The whole daemon, composed from one <see cref="AuraSettings"/>: the sampler's source, the DVR, the event log, the
/// hardware controls, Jetson detection, and the server with its socket and OTLP export. `aura serve`, the in-process
/// tests and the benchmarks all build it here; tests swap parts through <see cref="DaemonParts"/>, never a second graph.
/// </summary>
public sealed class AuraDaemon : IAsyncDisposable
{
    private readonly DaemonOwned _owned;
    private readonly DaemonEvents _events;
    private readonly TextWriter _warnings;

    private AuraDaemon(AuraServer server, DaemonOwned owned, DaemonEvents events, TextWriter warnings, string history, string? extension, DvrWriter? dvr)
    {
        Server = server;
        _owned = owned;
        _events = events;
        _warnings = warnings;
        HistorySummary = history;
        ExtensionSummary = extension;
        if (dvr is not null)
        {
            dvr.Flushed += (_, e) =>
            {
                if (e.SealedBlocks > 0)
                {
                    HistorySealed?.Invoke(this, EventArgs.Empty);
                }
            };
        }
    }

    /// <summary>Raised (on the DVR's flush thread) after the daemon's DVR sealed a block.</summary>
    public event EventHandler? HistorySealed;

    public AuraServer Server { get; }

    /// <summary>One line for the banner: where history goes, or why it does not.</summary>
    public string HistorySummary { get; }

    /// <summary>One line for the banner: where events go, or why they do not.</summary>
    public string EventsSummary => _events.Summary;

    /// <summary>The extension's banner line, when one was plugged in and has something to say.</summary>
    public string? ExtensionSummary { get; }

    /// <summary>Builds every part the settings name and <paramref name="parts"/> does not replace.</summary>
    /// <exception cref="ConfigException">An explicitly chosen DVR or event log cannot be used, or the options are unusable.</exception>
    public static AuraDaemon Build(AuraSettings settings, DaemonParts? parts = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        parts ??= DaemonParts.None;
        var clock = parts.Clock;
        var owned = new DaemonOwned();
        try
        {
            var recording = parts.Recorder is null && parts.History is null ? owned.Add(DaemonRecording.Open(settings.Config, clock, parts.Warnings)) : null;
            var events = parts.Events is { } given ? DaemonEvents.Using(given, parts.Audit, clock) : owned.Add(DaemonEvents.Open(settings.Events, clock, parts.Warnings));
            if (recording?.Writer is { } dvr)
            {
                events.WatchDvr(dvr, parts.Warnings);
            }

            var audit = parts.Audit ?? events.Audit;
            var extension = parts.Extension is { } extend ? owned.Add(extend(settings, audit)) : null;
            var sampled = parts.Source ?? SnapshotSources.Create(settings.Sampler, clock);
            var source = extension?.Wrap(sampled) ?? sampled;
            if (parts.Source is null)
            {
                owned.Add(source); // a wrapper disposes what it wraps
            }

            var services = new ServerServices
            {
                Controls = parts.Controls ?? (settings.HardwareRoot is { } root ? owned.Add(Controls(settings, root)) : null),
                Hardware = parts.Hardware ?? (settings.HardwareRoot is { } board ? JetsonDetector.Detect(board) : null),
                Logging = parts.Logging,
                Recorder = parts.Recorder ?? recording?.Recorder,
                History = parts.History ?? recording?.History,
                Events = events.Log,
                Audit = audit,
                ExtraEndpoints = extension?.Endpoints ?? [],
            };
            var server = AuraServer.Build(settings.Server, source, clock, services);
            var summary = recording?.Summary ?? "supplied by the host";
            return new AuraDaemon(server, owned, events, parts.Warnings, summary, extension?.Summary, recording?.Writer);
        }
        catch
        {
            owned.Dispose();
            throw;
        }
    }

    /// <summary>Takes the first snapshot, then starts listening; returns once clients can connect.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Server.StartAsync(cancellationToken);

    /// <summary>Records a daemon event (start, stop); a failure to record is a warning, never a reason to stop serving.</summary>
    public Task RecordAsync(string type, EventLevel level, string message) =>
        _events.RecordAsync(type, level, message, Lifecycle(), _warnings);

    /// <summary>Stops accepting, closes live clients, stops the sampler and flushes the recorder.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Server.StopAsync(cancellationToken);

    /// <summary>Disposes the server, then every part the daemon built (the DVR writer last, which seals its open block).</summary>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _owned.Dispose();
    }

    private static ControlService Controls(AuraSettings settings, string root) => new(new ControlServiceOptions
    {
        Root = root,
        ClocksStorePath = settings.ClocksStorePath,
        SearchPath = ControlServiceOptions.SearchPathFrom(settings.Sampler.SearchPath),
    });

    private ImmutableDictionary<string, string> Lifecycle() =>
        ImmutableDictionary<string, string>.Empty
            .Add("version", ServerVersion.Current)
            .Add("address", Server.Address.ToString())
            .Add("pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
