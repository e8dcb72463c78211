namespace Aura.Storage.Dvr;

/// <summary>
/// One stored tick for readback. CPU and memory are percentages (the Python Aura's fields), taken from
/// aura_cpu_usage_ratio and aura_memory_used_ratio; <see cref="Values"/> holds every series by key when asked for.
/// </summary>
public sealed record DvrTick(DateTimeOffset Timestamp, double? CpuPercent, double? MemoryPercent, IReadOnlyDictionary<string, double> Values);
