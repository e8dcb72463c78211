using Aura.Telemetry;

namespace Aura.Server.Hosting;

/// <summary>
/// A part of Aura the server library does not know (the desktop agent), plugged into <see cref="AuraDaemon"/> by the
/// executable: endpoints of its own, and a wrapper around the sampler's source.
/// </summary>
public interface IDaemonExtension : IDisposable
{
    /// <summary>Endpoints it serves beside the API.</summary>
    IReadOnlyList<ExtraEndpoint> Endpoints { get; }

    /// <summary>One line for the banner; null for none.</summary>
    string? Summary { get; }

    /// <summary>The sampler's source, with what this part adds to every tick.</summary>
    ISnapshotSource Wrap(ISnapshotSource source);
}
