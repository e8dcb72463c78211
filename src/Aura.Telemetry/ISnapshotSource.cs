using Aura.Core.Model;

namespace Aura.Telemetry;

/// <summary>Takes one snapshot per call. Not thread-safe: one sampler loop owns it.</summary>
public interface ISnapshotSource
{
    Snapshot Sample();
}
