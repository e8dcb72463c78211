using Aura.Controls;
using Aura.Core.Events;
using Aura.Server.History;
using Aura.Server.Sampling;
using Aura.Storage.Events;
using Aura.Telemetry;
using Aura.Telemetry.Jetson;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Hosting;

/// <summary>
/// What <see cref="AuraDaemon"/> takes besides its settings. Every part left null is built from the settings; one given
/// here replaces it (a test's fake source or DVR) and stays its caller's to dispose.
/// </summary>
public sealed record DaemonParts
{
    public static DaemonParts None { get; } = new();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where warnings go (standard error for `aura serve`); nowhere by default.</summary>
    public TextWriter Warnings { get; init; } = TextWriter.Null;

    /// <summary>Adds log providers (`aura serve`: <see cref="ServerLogging.Console"/>); the daemon logs nowhere without it.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>What to sample instead of this machine's sources.</summary>
    public ISnapshotSource? Source { get; init; }

    /// <summary>The DVR's read side instead of the settings' file; given with or without <see cref="Recorder"/>, no file is opened.</summary>
    public IHistory? History { get; init; }

    /// <summary>The DVR's write side instead of the settings' file.</summary>
    public ISnapshotRecorder? Recorder { get; init; }

    /// <summary>The event log instead of the settings' one.</summary>
    public EventLog? Events { get; init; }

    /// <summary>Where Aura records its own actions instead of the event log's audit trail.</summary>
    public IAuditTrail? Audit { get; init; }

    /// <summary>The hardware controls instead of this machine's.</summary>
    public IControlService? Controls { get; init; }

    /// <summary>What the board is instead of what the settings' hardware root says.</summary>
    public JetsonHardware? Hardware { get; init; }

    /// <summary>Builds a part the library does not know (the desktop agent) from the settings and the audit trail.</summary>
    public Func<AuraSettings, IAuditTrail?, IDaemonExtension>? Extension { get; init; }
}
