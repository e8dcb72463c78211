using Aura.Core.Model;

namespace Aura.Server.Sampling;

/// <summary>
/// Receives every snapshot the server samples, on the sampler's thread, before clients see it. The DVR records through
/// this. <see cref="Record"/> must return quickly (buffer, then write elsewhere): a slow recorder delays the next tick.
/// </summary>
public interface ISnapshotRecorder
{
    void Record(Snapshot snapshot);

    /// <summary>Called once when the server stops, after the last <see cref="Record"/>: write out whatever is buffered.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
