using Aura.Telemetry.Linux;
using Aura.Telemetry.Tests.Linux;

namespace Aura.Telemetry.Tests;

public sealed class LinuxSnapshotSourceTests
{
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(_ticks);

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public void Sample_ManyCoresTree_FillsEverySectionFromOneRoot()
    {
        var root = Fixtures.Root("many-cores");
        var clock = new SteppingClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var stats = new FakeFilesystemStats(root, new FilesystemStats(100L << 30, 40L << 30, 30L << 30));
        using var source = new LinuxSnapshotSource(new SamplerOptions(root, TopProcesses: 2), clock, stats);

        source.Sample();
        clock.Advance(TimeSpan.FromSeconds(1));
        var snapshot = source.Sample();

        snapshot.Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_700_000_001));
        snapshot.Host.CpuCount.ShouldBe(64);
        snapshot.Cpu.Cores.Length.ShouldBe(64);
        snapshot.Cpu.Cores.Count(c => !c.Online).ShouldBe(8);
        snapshot.Memory.TotalBytes.ShouldBeGreaterThan(200L << 30);
        snapshot.Filesystems.ShouldContain(fs => fs.MountPoint == "/");
        snapshot.Disks.ShouldContain(d => d.Device == "nvme0n1");
        snapshot.Network.Interfaces.ShouldContain(i => i.Name == "eth0");
        snapshot.Thermal.Sensors.ShouldNotBeEmpty();
        snapshot.Processes.Length.ShouldBe(2);
        snapshot.Unavailable.ShouldBeEmpty();
    }

    [Fact]
    public void Sample_ContainerTree_HasNoSensorsAndStillSamples()
    {
        var root = Fixtures.Root("container");
        var clock = new SteppingClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var stats = new FakeFilesystemStats(root, new FilesystemStats(10L << 30, 5L << 30, 5L << 30));
        using var source = new LinuxSnapshotSource(new SamplerOptions(root), clock, stats);

        var snapshot = source.Sample();

        snapshot.Thermal.Sensors.ShouldBeEmpty();
        snapshot.Thermal.Hottest.ShouldBeNull();
        snapshot.Memory.TotalBytes.ShouldBeGreaterThan(0);
        snapshot.Processes.ShouldNotBeEmpty();
        snapshot.Cpu.Total.ShouldBeNull("the first sample has no previous counters to compare with");
    }
}
