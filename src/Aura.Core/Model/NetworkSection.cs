using System.Collections.Immutable;

namespace Aura.Core.Model;

/// <summary>Per interface and in total. The total sums every interface except loopback.</summary>
public sealed record NetworkSection(ImmutableArray<InterfaceSample> Interfaces, InterfaceSample Total)
{
    public static readonly NetworkSection Empty = new([], new InterfaceSample("total", default, default));
}
