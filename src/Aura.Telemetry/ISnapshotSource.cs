using Aura.Core.Model;

namespace Aura.Telemetry;

/// <summary>Takes one snapshot per call. Not thread-safe: one sampler loop owns it and disposes it (readers keep kernel files open).</summary>
public interface ISnapshotSource : IDisposable
{
    Snapshot Sample();
}
