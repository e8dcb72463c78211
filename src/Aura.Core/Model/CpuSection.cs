using System.Collections.Immutable;

namespace Aura.Core.Model;

/// <summary>CPU totals and per core. Ratios are null on the first sample and after a counter reset.</summary>
public sealed record CpuSection(
    CpuTimes? Total,
    ImmutableArray<CoreSample> Cores,
    LoadAverage? Load,
    double? ContextSwitchesPerSecond,
    int? ProcsRunning,
    int? ProcsBlocked)
{
    public static readonly CpuSection Empty = new(null, [], null, null, null, null);
}
