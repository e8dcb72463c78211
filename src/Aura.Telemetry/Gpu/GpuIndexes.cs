using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Gpu;

internal static class GpuIndexes
{
    /// <summary>The GPUs with <paramref name="offset"/> added to each index (the same array when it is 0).</summary>
    public static ImmutableArray<GpuSample> Offset(ImmutableArray<GpuSample> gpus, int offset)
    {
        if (offset == 0 || gpus.IsEmpty)
        {
            return gpus;
        }

        var builder = ImmutableArray.CreateBuilder<GpuSample>(gpus.Length);
        foreach (var gpu in gpus)
        {
            builder.Add(gpu with { Index = gpu.Index + offset });
        }

        return builder.MoveToImmutable();
    }
}
