using Aura.Controls;
using Aura.Server.Auth;
using Aura.Server.Controls;
using Aura.Server.History;
using Aura.Server.Metrics;
using Aura.Server.Sampling;

namespace Aura.Server.Hosting;

/// <summary>What every endpoint shares: options, the hub, counters, sessions and the optional DVR and controls.</summary>
internal sealed class ServerState
{
    private readonly Lazy<Secret> _loginSecret;

    public ServerState(ServerOptions options, ServerServices services, TimeProvider clock, string loginToken)
    {
        Options = options;
        Clock = clock;
        History = services.History;
        Controls = services.Controls ?? NoControls.Instance;
        LoginToken = loginToken;
        _loginSecret = new Lazy<Secret>(() => Secret.Of(loginToken));
        MetricsSecret = options.MetricsToken is { } token ? Secret.Of(token) : null;
        ControlSecret = options.ControlToken is { } control ? Secret.Of(control) : null;
        Sessions = new SessionStore(clock);
        StartedAt = clock.GetTimestamp();
        Events = services.Events;
        Audit = services.Audit;
        Recorder = services.Recorder;
        Hardware = services.Hardware ?? Aura.Telemetry.Jetson.JetsonHardware.None;
        ControlStates = new ControlStates(Controls, clock);
        ControlGate = new ControlGate(this);
        Gate = new Connections.ConnectionGate(options.Limits.MaxIdleConnectionsPerAddress);
        RenderMetrics = frame => MetricsRenderer.Render(frame, ServerVersion.Current, Counters.WebSocketClients, ControlStates.Latest, Otlp, options.HostName);
    }

    public ServerOptions Options { get; }

    public TimeProvider Clock { get; }

    public SnapshotHub Hub { get; } = new();

    public ServerCounters Counters { get; } = new();

    public IHistory? History { get; }

    public IControlService Controls { get; }

    /// <summary>Sets controls and audits every change and refusal.</summary>
    public ControlGate ControlGate { get; }

    /// <summary>Last known control states, for /metrics and GetMeta.</summary>
    public ControlStates ControlStates { get; }

    /// <summary>What the board is (Jetson detection), read once at start.</summary>
    public Aura.Telemetry.Jetson.JetsonHardware Hardware { get; }

    public SessionStore Sessions { get; }

    public string LoginToken { get; }

    /// <summary>
    /// The login token's digest, made at the first login: hashing loads OpenSSL (about 4 MB resident), which a daemon
    /// that nobody logs in to never needs.
    /// </summary>
    public Secret LoginSecret => _loginSecret.Value;

    public Secret? MetricsSecret { get; }

    public Secret? ControlSecret { get; }

    public long StartedAt { get; }

    public TimeSpan Uptime => Clock.GetElapsedTime(StartedAt);

    /// <summary>Made once so serving a cached body allocates no delegate per request.</summary>
    public Func<TickFrame, byte[]> RenderMetrics { get; }

    /// <summary>The durable event log, or null when the server runs without one.</summary>
    public Aura.Storage.Events.EventLog? Events { get; }

    public Aura.Core.Events.IAuditTrail? Audit { get; }

    /// <summary>The DVR's write side, when the server records.</summary>
    public ISnapshotRecorder? Recorder { get; }

    /// <summary>Whether the DVR and the event log are writing; degrades the health reports when not.</summary>
    public StorageHealth Storage { get; } = new();

    /// <summary>True once the server has started; until then a failed start is reported by the caller, not the host's log.</summary>
    public bool Started { get; set; }

    /// <summary>Bounds the idle connections each client address may hold.</summary>
    public Connections.ConnectionGate Gate { get; }

    /// <summary>The OTLP exporter once it started; null when export is off.</summary>
    public Otlp.OtlpExporter? Otlp { get; set; }

    /// <summary>Live <c>/ws</c> subscribers of committed events.</summary>
    public Events.EventHub EventHub { get; } = new();
}
