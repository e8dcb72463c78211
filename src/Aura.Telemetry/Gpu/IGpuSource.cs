using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Gpu;

/// <summary>One vendor's GPUs, read once per tick. Not thread-safe: the sampler owns it.</summary>
internal interface IGpuSource : IDisposable
{
    /// <summary>The GPUs, indexed from <paramref name="firstIndex"/> in the source's own order; empty when there are none.</summary>
    ImmutableArray<GpuSample> Read(int firstIndex);
}
