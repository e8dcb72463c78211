using System.Collections.Immutable;

namespace Aura.Core.Model;

/// <summary>
/// One GPU in one tick. Every reading is null when the GPU or its driver does not report it (an <c>[N/A]</c>, a
/// NOT_SUPPORTED, a missing sysfs file): absent is never written as 0.
/// </summary>
public sealed record GpuSample
{
    /// <summary>Aura's index, unique in the snapshot: NVIDIA GPUs first in NVML order (nvidia-smi's index), then AMD cards in card order.</summary>
    public required int Index { get; init; }

    public required string Name { get; init; }

    /// <summary>NVIDIA's <c>GPU-…</c> UUID, or an AMD card's <c>unique_id</c>; null when the GPU has none.</summary>
    public string? Uuid { get; init; }

    /// <summary>"nvidia" or "amd" (<see cref="GpuVendors"/>).</summary>
    public required string Vendor { get; init; }

    /// <summary>Where the readings came from: "nvml", "nvidia-smi", "amdgpu" (sysfs) or "rocm-smi" (<see cref="GpuSources"/>).</summary>
    public required string Source { get; init; }

    /// <summary>Share of time a kernel ran on the GPU, 0–100.</summary>
    public double? UtilizationPercent { get; init; }

    /// <summary>Share of time device memory was read or written, 0–100.</summary>
    public double? MemoryUtilizationPercent { get; init; }

    public double? EncoderUtilizationPercent { get; init; }

    public double? DecoderUtilizationPercent { get; init; }

    public long? MemoryTotalBytes { get; init; }

    public long? MemoryUsedBytes { get; init; }

    public long? MemoryFreeBytes { get; init; }

    public double? TemperatureCelsius { get; init; }

    /// <summary>Fan speed as a share of its maximum, 0–100 (NVML can report over 100 on some boards).</summary>
    public double? FanPercent { get; init; }

    public double? PowerWatts { get; init; }

    /// <summary>The power limit the driver enforces.</summary>
    public double? PowerLimitWatts { get; init; }

    public int? GraphicsClockMhz { get; init; }

    public int? SmClockMhz { get; init; }

    public int? MemoryClockMhz { get; init; }

    /// <summary>The performance state, 0 (P0, fastest) to 15 (P15, slowest).</summary>
    public int? PerformanceState { get; init; }

    /// <summary>NVML's clocks-throttle-reasons bit mask (<see cref="GpuThrottleReasons"/>); 0 when nothing holds the clocks back.</summary>
    public ulong? ThrottleReasons { get; init; }

    /// <summary>Corrected ECC errors since the driver loaded; null when ECC is off or not supported.</summary>
    public long? EccCorrectedErrors { get; init; }

    /// <summary>Uncorrected ECC errors since the driver loaded; null when ECC is off or not supported.</summary>
    public long? EccUncorrectedErrors { get; init; }

    /// <summary>The processes with a context on this GPU (compute and graphics); null when the source cannot list them.</summary>
    public ImmutableArray<GpuProcess>? Processes { get; init; }

    /// <summary>Used share of device memory, 0–1; null when total or used is unknown.</summary>
    public double? MemoryUsedRatio =>
        MemoryTotalBytes is > 0 and { } total && MemoryUsedBytes is { } used ? (double)used / total : null;
}
