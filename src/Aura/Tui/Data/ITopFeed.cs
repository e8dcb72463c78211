using Aura.Core.Model;

namespace Aura.Tui.Data;

/// <summary>Where `aura top` gets its snapshots: the running daemon (client mode) or its own sampler (local mode).</summary>
internal interface ITopFeed : IDisposable
{
    /// <summary>What the header says about the source, e.g. "daemon /run/aura/jetsonscope.sock".</summary>
    string Description { get; }

    /// <summary>Where the daemon answers (its socket path or URL); empty in local mode.</summary>
    string Address { get; }

    bool IsDaemon { get; }

    /// <summary>The latest snapshot, or null when the source has none yet.</summary>
    /// <exception cref="TopFeedException">The source failed; the message says how.</exception>
    Task<Snapshot?> ReadAsync(CancellationToken cancellationToken);
}
