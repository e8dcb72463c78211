using System.Runtime.ExceptionServices;
using Aura.Core.Model;

namespace Aura.Telemetry.Sampling;

/// <summary>One reading of the source: the snapshot and how long the source took to take it, or the fault it raised.</summary>
public readonly record struct SamplerReading(Snapshot? Snapshot, TimeSpan Duration, Exception? Fault)
{
    /// <summary>The snapshot, or the source's fault rethrown as it was raised: for callers that stop at the first fault.</summary>
    public Snapshot SnapshotOrThrow()
    {
        if (Fault is not null)
        {
            ExceptionDispatchInfo.Throw(Fault);
        }

        return Snapshot!;
    }
}
