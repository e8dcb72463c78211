using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry;

namespace Aura.Server.Tests.Support;

/// <summary>
/// A snapshot source with known values that counts how often it is sampled, so tests can prove the server samples once
/// per tick no matter how many clients it has. Memory used grows by 1 MiB per sample so ticks are distinguishable.
/// </summary>
internal sealed class FakeSource(
    TimeProvider clock, int processes = 3, string sensorId = "hwmon/coretemp/temp1", ImmutableArray<GpuSample> gpus = default) : ISnapshotSource
{
    public const long TotalMemory = 16L * 1024 * 1024 * 1024;

    private int _samples;

    public int Samples => Volatile.Read(ref _samples);

    public bool Disposed { get; private set; }

    public Snapshot Sample()
    {
        var n = Interlocked.Increment(ref _samples);
        return Build(clock.GetUtcNow(), n, processes, sensorId) with { Gpus = gpus };
    }

    public void Dispose() => Disposed = true;

    public static Snapshot Build(DateTimeOffset time, int n, int processes = 3, string sensorId = "hwmon/coretemp/temp1")
    {
        var busy = new CpuTimes(0.20, 0.0, 0.05, 0.01, 0.0, 0.0, 0.0, 0.74);
        var used = (4L * 1024 * 1024 * 1024) + (n * 1024L * 1024);
        var top = ImmutableArray.CreateBuilder<ProcessSample>(processes);
        for (var i = 0; i < processes; i++)
        {
            top.Add(new ProcessSample(1000 + i, 5000 + i, i == 0 ? "python3" : $"worker-{i}", "alice", i == 0 ? 'R' : 'S', 50.0 - i, (100 + i) * 1024L * 1024, 0.6 - (i * 0.01), 4));
        }

        return new Snapshot
        {
            Timestamp = time,
            Host = new HostInfo("testhost", "Debian GNU/Linux 12", "6.1.0", 86_400.5 + n, time.AddDays(-1), "Test CPU @ 3.00GHz", 2),
            Cpu = new CpuSection(
                busy,
                [new CoreSample(0, true, busy, 3000), new CoreSample(1, true, busy, 3200)],
                new LoadAverage(0.5, 0.4, 0.3),
                1200,
                2,
                0),
            Memory = new MemorySection(TotalMemory, TotalMemory - used, used, 2L << 30, 1L << 28, 4L << 30, 1L << 30),
            Filesystems = [new FilesystemUsage("/dev/sda1", "/", "ext4", 100L << 30, 40L << 30, 35L << 30, 60L << 30)],
            Disks = [new DiskIo("sda", 1L << 30, 2L << 30, 1000, 2000, 4096, 8192, 1.5, 2.5, 0.02)],
            Network = new NetworkSection(
                [new InterfaceSample("eth0", new NetCounters(5_000_000 + n, 3_000_000, 4000, 3000, 1, 2, 0, 0), new NetRates(1000, 500, 10, 5))],
                new InterfaceSample("total", new NetCounters(5_000_000 + n, 3_000_000, 4000, 3000, 1, 2, 0, 0), new NetRates(1000, 500, 10, 5))),
            Thermal = new ThermalSection([new TemperatureSensor(sensorId, "Package id 0", 55.5, 80, 100)]),
            Processes = top.MoveToImmutable(),
        };
    }
}
