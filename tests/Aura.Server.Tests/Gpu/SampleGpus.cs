using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Server.Tests.Gpu;

/// <summary>An NVIDIA board with every reading and an AMD card that reports only some, as the sources build them.</summary>
internal static class SampleGpus
{
    public static ImmutableArray<GpuSample> Two { get; } =
    [
        new GpuSample
        {
            Index = 0,
            Name = "NVIDIA GeForce RTX 4090",
            Uuid = "GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
            Vendor = GpuVendors.Nvidia,
            Source = GpuSources.Nvml,
            UtilizationPercent = 98,
            MemoryUtilizationPercent = 57,
            EncoderUtilizationPercent = 12,
            DecoderUtilizationPercent = 34,
            MemoryTotalBytes = 24L << 30,
            MemoryUsedBytes = 18L << 30,
            MemoryFreeBytes = 6L << 30,
            TemperatureCelsius = 72,
            FanPercent = 64.6,
            PowerWatts = 421.37,
            PowerLimitWatts = 450,
            GraphicsClockMhz = 2745,
            SmClockMhz = 2745,
            MemoryClockMhz = 10501,
            PerformanceState = 2,
            ThrottleReasons = 0x4,
            Processes = [new GpuProcess(1000, 17L << 30)],
        },
        new GpuSample
        {
            Index = 1,
            Name = "AMD GPU [1002:73bf]",
            Vendor = GpuVendors.Amd,
            Source = GpuSources.Amdgpu,
            UtilizationPercent = 37,
            MemoryTotalBytes = 16L << 30,
            MemoryUsedBytes = 2L << 30,
            MemoryFreeBytes = 14L << 30,
            TemperatureCelsius = 45,
        },
    ];
}
