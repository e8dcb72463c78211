using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Storage.Tests.Support;

/// <summary>Builds snapshots with the sections the DVR flattens, values chosen by the test.</summary>
public static class Snapshots
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private const long TotalMemory = 8L * 1024 * 1024 * 1024;

    public static Snapshot At(
        DateTimeOffset time,
        double cpu = 0.25,
        double memory = 0.5,
        ImmutableArray<ProcessSample> processes = default,
        double? coreFrequencyMhz = 2000,
        long rxBytes = 1_000_000) => new()
        {
            Timestamp = time,
            Host = new HostInfo("test", "Linux", "6.1", (time - Epoch).TotalSeconds + 1000, null, "Test CPU", 2),
            Cpu = new CpuSection(
                Times(cpu),
                [new CoreSample(0, true, Times(cpu), coreFrequencyMhz), new CoreSample(1, true, Times(cpu / 2), coreFrequencyMhz)],
                new LoadAverage(0.52, 0.48, 0.4),
                1234.5,
                2,
                0),
            Memory = new MemorySection(TotalMemory, (long)(TotalMemory * (1 - memory)), (long)(TotalMemory * memory), 1L << 30, 1L << 26, 0, 0),
            Filesystems = [new FilesystemUsage("/dev/vda", "/", "ext4", 100L << 30, 60L << 30, 55L << 30, 40L << 30)],
            Disks = [new DiskIo("vda", 1L << 30, 2L << 30, 1000, 2000, 4096, 8192, 1, 2, 0.01)],
            Network = new NetworkSection(
                [new InterfaceSample("eth0", new NetCounters(rxBytes, 500_000, 900, 800, 0, 0, 0, 0), new NetRates(1200, 300, 10, 5))],
                new InterfaceSample("total", new NetCounters(rxBytes, 500_000, 900, 800, 0, 0, 0, 0), new NetRates(1200, 300, 10, 5))),
            Thermal = ThermalSection.Empty,
            Processes = processes.IsDefault ? [] : processes,
        };

    /// <summary>Ticks at 1 Hz from <paramref name="start"/>, CPU wandering so values change.</summary>
    public static IEnumerable<Snapshot> Series(DateTimeOffset start, int count, int seed = 1)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return At(start.AddSeconds(i), cpu: Math.Round(random.NextDouble() * 0.3, 4), memory: 0.4 + (i % 100 / 1000.0), rxBytes: 1_000_000 + (i * 1500L));
        }
    }

    public static ProcessSample Process(int pid, string name, double? cpu, long rss = 10 << 20, long start = 1000, string user = "root", char state = 'S', int threads = 4) =>
        new(pid, start, name, user, state, cpu, rss, rss * 100.0 / TotalMemory, threads);

    /// <summary>An NVIDIA GPU whose readings follow <paramref name="i"/> (no fan reading).</summary>
    public static GpuSample Gpu(int i) => new()
    {
        Index = 0,
        Name = "NVIDIA A100 80GB PCIe",
        Uuid = "GPU-4f3c1c9e-8f0e-2a7d-9c1b-6e5d4c3b2a10",
        Vendor = GpuVendors.Nvidia,
        Source = GpuSources.Nvml,
        UtilizationPercent = i % 100,
        MemoryTotalBytes = 80L << 30,
        MemoryUsedBytes = (20L << 30) + i,
        MemoryFreeBytes = (60L << 30) - i,
        TemperatureCelsius = 60 + (i % 7),
        PowerWatts = 250 + (i / 1000.0),
        GraphicsClockMhz = 1410,
        ThrottleReasons = (ulong)(i % 2) * 4,
        Processes = [],
    };

    private static CpuTimes Times(double busy) => new(busy * 0.7, 0, busy * 0.3, 0, 0, 0, 0, 1 - busy);
}
