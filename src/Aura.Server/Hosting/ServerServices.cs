using Aura.Controls;
using Aura.Server.History;
using Aura.Server.Sampling;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Hosting;

/// <summary>What the server is built with besides its options and source; every part is optional.</summary>
public sealed record ServerServices
{
    public static ServerServices None { get; } = new();

    /// <summary>The DVR's read side, behind <c>/api/timeline</c>, <c>/api/v1/processes</c> and <c>/api/v1/db/stats</c>; those answer 503 without it.</summary>
    public IHistory? History { get; init; }

    /// <summary>Receives every snapshot (the DVR's write side); flushed when the server stops.</summary>
    public ISnapshotRecorder? Recorder { get; init; }

    /// <summary>Hardware controls (socket ListControls/SetControl, /api/v1/controls); none without it. `aura serve` passes <see cref="ControlService"/>.</summary>
    public IControlService? Controls { get; init; }

    /// <summary>Adds log providers; the server logs nowhere without it.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>The durable event log behind <c>/events</c>, <c>/ws</c> and the timeline's markers; those answer 503 without it.</summary>
    public Aura.Storage.Events.EventLog? Events { get; init; }

    /// <summary>Where Aura records its own actions (control changes); usually the event log's audit trail.</summary>
    public Aura.Core.Events.IAuditTrail? Audit { get; init; }

    /// <summary>Endpoints other parts of Aura add (the desktop agent's WebSocket); none by default.</summary>
    public IReadOnlyList<ExtraEndpoint> ExtraEndpoints { get; init; } = [];

    /// <summary>What the board is, for GetMeta and /api/v1/meta; not a Jetson without it.</summary>
    public Aura.Telemetry.Jetson.JetsonHardware? Hardware { get; init; }
}
