using System.Collections.Immutable;

namespace Aura.Server.Jetson;

/// <summary>
/// JetsonScope's <c>TegraStats</c> made from a snapshot: RAM and swap, per-core load and frequency, temperatures.
/// Engines and power rails stay empty until a Jetson source fills them; <see cref="Raw"/> is empty (there is no
/// tegrastats line). Every field JetsonScope requires is present.
/// </summary>
public sealed record TegraStatsView(
    string? Timestamp,
    TegraMemory? Ram,
    TegraSwap? Swap,
    ImmutableArray<TegraCpuCore> Cpus,
    ImmutableSortedDictionary<string, TegraEngine> Engines,
    ImmutableSortedDictionary<string, double> Temps,
    ImmutableSortedDictionary<string, TegraPowerRail> Power,
    string Raw);
