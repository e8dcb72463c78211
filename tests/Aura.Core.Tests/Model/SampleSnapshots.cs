using Aura.Core.Model;

namespace Aura.Core.Tests.Model;

/// <summary>A small, fully populated snapshot with round numbers, for flattening and JSON tests.</summary>
internal static class SampleSnapshots
{
    public static Snapshot TwoCores() => new()
    {
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
        Host = new HostInfo("box", "Debian", "6.1.0", 3600, DateTimeOffset.FromUnixTimeSeconds(1_699_996_400), "Test CPU", 2),
        Cpu = new CpuSection(
            new CpuTimes(0.25, 0, 0.05, 0.10, 0, 0, 0, 0.60),
            [new CoreSample(0, true, new CpuTimes(0.5, 0, 0.1, 0, 0, 0, 0, 0.4), 2400), new CoreSample(1, false, null, null)],
            new LoadAverage(0.5, 0.25, 0.125),
            1500,
            2,
            0),
        Memory = new MemorySection(8L << 30, 6L << 30, 2L << 30, 1L << 30, 64L << 20, 2L << 30, 0),
        Filesystems = [new FilesystemUsage("/dev/sda1", "/", "ext4", 100L << 30, 40L << 30, 35L << 30, 60L << 30)],
        Disks = [new DiskIo("sda", 1_048_576, 2_097_152, 10, 20, 4096, null, 1, null, 0.5), new DiskIo("nvme0n1", 512, 1024, 1, 2, 10, 20, 0.5, 1, 0.01)],
        Network = new NetworkSection(
            [new InterfaceSample("eth0", new NetCounters(1000, 2000, 10, 20, 1, 2, 3, 4), new NetRates(100, 200, 1, 2))],
            new InterfaceSample("total", new NetCounters(1000, 2000, 10, 20, 1, 2, 3, 4), new NetRates(100, 200, 1, 2))),
        Thermal = new ThermalSection([new TemperatureSensor("hwmon/coretemp/temp1", "Package id 0", 55.5, 80, 100), new TemperatureSensor("thermal/thermal_zone0", "acpitz", 40, null, 95)]),
        Processes = [new ProcessSample(42, 12345, "worker \"x\"", "root", 'R', 150.5, 1L << 20, 0.1, 4) { GpuMemoryBytes = 512L << 20 }],
        Gpus = [Gpu()],
    };

    /// <summary>A GPU with every reading, one process, and the sw_power_cap and hw_slowdown throttle bits set.</summary>
    public static GpuSample Gpu() => new()
    {
        Index = 0,
        Name = "NVIDIA A100-SXM4-40GB",
        Uuid = "GPU-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
        Vendor = GpuVendors.Nvidia,
        Source = GpuSources.Nvml,
        UtilizationPercent = 87,
        MemoryUtilizationPercent = 41,
        EncoderUtilizationPercent = 0,
        DecoderUtilizationPercent = 3,
        MemoryTotalBytes = 40L << 30,
        MemoryUsedBytes = 10L << 30,
        MemoryFreeBytes = 30L << 30,
        TemperatureCelsius = 61,
        FanPercent = 45,
        PowerWatts = 243.12,
        PowerLimitWatts = 400,
        GraphicsClockMhz = 1410,
        SmClockMhz = 1410,
        MemoryClockMhz = 1215,
        PerformanceState = 0,
        ThrottleReasons = 0x4 | 0x8,
        EccCorrectedErrors = 2,
        EccUncorrectedErrors = 0,
        Processes = [new GpuProcess(42, 512L << 20)],
    };
}
