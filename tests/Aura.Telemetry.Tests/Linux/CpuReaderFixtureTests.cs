using System.Runtime.CompilerServices;
using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>The CPU reader over the fixture trees: captured, many-core, container and malformed.</summary>
public sealed class CpuReaderFixtureTests
{
    [Fact]
    public void Read_DevVmCapturesOneSecondApart_GivesSharesOfRealDeltas()
    {
        using var tree = new HostTestTree("dev-vm");
        using var reader = new CpuReader(tree.Root);
        reader.Read(Fixtures.At(0));
        tree.CopyFrom("dev-vm-later", "proc/stat");
        tree.CopyFrom("dev-vm-later", "proc/loadavg");

        var cpu = reader.Read(Fixtures.At(1));

        // Captured with a busy loop on cpu0. cpu0: user +101 and nothing else. cpu1: user +3, system +6,
        // idle +91 = 100. Aggregate: user +103, system +5, idle +92 = 200 ticks (two CPUs for a second at 100 Hz).
        CpuReaderTests.ShouldMatch(cpu.Total, new CpuTimes(User: 0.515, Nice: 0, System: 0.025, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.46));
        CpuReaderTests.ShouldMatch(cpu.Cores[0].Times, new CpuTimes(User: 1, Nice: 0, System: 0, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0));
        CpuReaderTests.ShouldMatch(cpu.Cores[1].Times, new CpuTimes(User: 0.03, Nice: 0, System: 0.06, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.91));
        cpu.ContextSwitchesPerSecond.ShouldBe(1536060 - 1534147);
        cpu.ProcsRunning.ShouldBe(4);
        cpu.ProcsBlocked.ShouldBe(0);
        cpu.Load.ShouldBe(new LoadAverage(0.73, 0.54, 0.29));
    }

    [Fact]
    public void Read_DevVmWithoutCpufreq_FrequencyFromCpuinfo()
    {
        using var reader = new CpuReader(Fixtures.Root("dev-vm"));

        var cpu = reader.Read(Fixtures.At(0));

        cpu.Cores.Select(c => c.Id).ShouldBe([0, 1]);
        cpu.Cores.ShouldAllBe(c => c.Online && c.FrequencyMhz == 2000.0, "a VM without cpufreq reports its cpuinfo 'cpu MHz', as gopsutil did for ClaraVerse");
    }

    [Fact]
    public void Read_ManyCoresWithEightOffline_ListsAllSixtyFourWithOnlineFalse()
    {
        using var reader = new CpuReader(Fixtures.Root("many-cores"));

        var cpu = reader.Read(Fixtures.At(0));

        cpu.Cores.Select(c => c.Id).ShouldBe(Enumerable.Range(0, 64));
        cpu.Cores.Where(c => !c.Online).Select(c => c.Id).ShouldBe(Enumerable.Range(56, 8));
        cpu.Cores.Where(c => !c.Online).ShouldAllBe(c => c.Times == null && c.FrequencyMhz == null);
        cpu.ProcsRunning.ShouldBe(7);
        cpu.Load.ShouldBe(new LoadAverage(12.34, 10.56, 9.87));
    }

    [Fact]
    public void Read_ScalingCurFreq_ConvertedFromKilohertzToMegahertz()
    {
        using var reader = new CpuReader(Fixtures.Root("many-cores"));

        var cpu = reader.Read(Fixtures.At(0));

        // cpu3/cpufreq/scaling_cur_freq holds 3712345 kHz.
        cpu.Cores[3].FrequencyMhz.ShouldNotBeNull().ShouldBe(3712.345, 1e-9);
        cpu.Cores.Take(56).ShouldAllBe(c => c.FrequencyMhz >= 1500 && c.FrequencyMhz <= 3712.345);
    }

    [Fact]
    public void Read_ManyCoresSecondRead_OnlineCoresGetUsage()
    {
        using var tree = new HostTestTree("many-cores");
        using var reader = new CpuReader(tree.Root);
        reader.Read(Fixtures.At(0));

        // cpu5 does 60 ticks of user and 40 of idle; every other line is unchanged.
        var stat = File.ReadAllText(Path.Combine(tree.Root, "proc/stat"));
        var line = stat.Split('\n').Single(l => l.StartsWith("cpu5 ", StringComparison.Ordinal));
        var fields = line.Split(' ');
        fields[1] = (long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) + 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields[4] = (long.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture) + 40).ToString(System.Globalization.CultureInfo.InvariantCulture);
        tree.Write("proc/stat", stat.Replace(line, string.Join(' ', fields), StringComparison.Ordinal));
        var cpu = reader.Read(Fixtures.At(1));

        CpuReaderTests.ShouldMatch(cpu.Cores[5].Times, new CpuTimes(User: 0.6, Nice: 0, System: 0, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.4));
        cpu.Cores[4].Times.ShouldBeNull(); // no tick passed on cpu4
        cpu.Cores[60].Times.ShouldBeNull();
    }

    [Fact]
    public void Read_WithoutGlobalOnlineFile_UsesPerCpuOnlineFiles()
    {
        using var tree = new HostTestTree("many-cores");
        tree.Delete("sys/devices/system/cpu/online");
        using var reader = new CpuReader(tree.Root);

        var cpu = reader.Read(Fixtures.At(0));

        // cpu0 has no online file (it cannot be unplugged); it is online because /proc/stat lists it.
        cpu.Cores.Length.ShouldBe(64);
        cpu.Cores.Where(c => !c.Online).Select(c => c.Id).ShouldBe(Enumerable.Range(56, 8));
    }

    [Fact]
    public void Read_CpuComesOnline_GetsFrequencyAndUsageAfterAnotherRead()
    {
        using var tree = new HostTestTree("many-cores");
        using var reader = new CpuReader(tree.Root);
        reader.Read(Fixtures.At(0)).Cores[60].Online.ShouldBeFalse();

        tree.Write("sys/devices/system/cpu/online", "0-55,60\n");
        tree.Write("sys/devices/system/cpu/cpu60/cpufreq/scaling_cur_freq", "2800000\n");
        var stat = File.ReadAllText(Path.Combine(tree.Root, "proc/stat"));
        tree.Write("proc/stat", stat.Replace("intr ", "cpu60 100 0 100 800 0 0 0 0 0 0\nintr ", StringComparison.Ordinal));
        var online = reader.Read(Fixtures.At(1)).Cores[60];

        online.Online.ShouldBeTrue();
        online.FrequencyMhz.ShouldBe(2800);
        online.Times.ShouldBeNull();

        tree.Write("proc/stat", stat.Replace("intr ", "cpu60 150 0 100 850 0 0 0 0 0 0\nintr ", StringComparison.Ordinal));
        CpuReaderTests.ShouldMatch(
            reader.Read(Fixtures.At(2)).Cores[60].Times,
            new CpuTimes(User: 0.5, Nice: 0, System: 0, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.5));
    }

    [Fact]
    public void Read_ContainerWithoutSysfs_ListsCpusOfProcStatAsOnline()
    {
        using var reader = new CpuReader(Fixtures.Root("container"));

        var cpu = reader.Read(Fixtures.At(0));

        cpu.Cores.Select(c => c.Id).ShouldBe([0, 1, 2, 3]);
        cpu.Cores.ShouldAllBe(c => c.Online && c.FrequencyMhz == 2899.97 && c.Times == null, "no cpufreq in a container: the clock comes from /proc/cpuinfo");
        cpu.Load.ShouldBe(new LoadAverage(0.52, 0.61, 0.58));
        cpu.ProcsRunning.ShouldBe(2);
    }

    [Fact]
    public void Read_MalformedTree_KeepsWhatParses()
    {
        using var reader = new CpuReader(Fixtures.Root("malformed"));

        var cpu = reader.Read(Fixtures.At(0));

        // present is 0-3; online is empty, so each CPU's own online file decides, else whether /proc/stat lists it.
        // Only cpu0 has a usable stat line: cpu1 has "5x0", cpu2 a negative count, cpu3 is cut short, cpu99999 is
        // beyond any kernel's limit. cpu2's online file says "yes" and it has no stat line, so it reads as offline.
        cpu.Cores.Select(c => (c.Id, c.Online)).ShouldBe([(0, true), (1, true), (2, false), (3, true)]);
        cpu.Cores.ShouldAllBe(c => c.FrequencyMhz == null); // "abc", a negative value, an empty file, none
        cpu.Load.ShouldBeNull();
        cpu.ContextSwitchesPerSecond.ShouldBeNull();
        cpu.ProcsRunning.ShouldBeNull();
    }

    [Fact]
    public void Read_MalformedLinesBetweenGoodOnes_GoodCoresStillGetUsage()
    {
        using var tree = new HostTestTree("malformed");
        using var reader = new CpuReader(tree.Root);
        reader.Read(Fixtures.At(0));

        // cpu0 and the aggregate advance by user +25, idle +75; cpu1 stays garbage and cpu3 stays cut short.
        tree.Write("proc/stat", """
            cpu  8025 20 2000 40075 100 0 40 0 0 0
            cpu0 2025 5 500 10075 25 0 10 0 0 0
            cpu1 2000 5 5x0 10000 25 0 10 0 0 0
            cpu2 -2000 5 500 10000 25 0 10 0 0 0
            cpu99999 1 2 3 4 5 6 7 8 9 10
            cpu3 2025 5 500 100
            """);
        var cpu = reader.Read(Fixtures.At(1));

        var expected = new CpuTimes(User: 0.25, Nice: 0, System: 0, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.75);
        CpuReaderTests.ShouldMatch(cpu.Total, expected);
        CpuReaderTests.ShouldMatch(cpu.Cores[0].Times, expected);
        cpu.Cores[1].Times.ShouldBeNull();
        cpu.Cores[3].Times.ShouldBeNull();
    }

    [Fact]
    public void Read_SteadyState_AllocatesOnlyTheReturnedSection()
    {
        using var reader = new CpuReader(Fixtures.Root("many-cores"));
        for (var i = 0; i < 5; i++)
        {
            reader.Read(Fixtures.At(i));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = reader.Read(Fixtures.At(5));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The CoreSample[] behind Cores plus the CpuSection record; 56 kept-open files are read without a byte more.
        var coresArray = (64 * Unsafe.SizeOf<CoreSample>()) + 32;
        cpu.Cores.Length.ShouldBe(64);
        allocated.ShouldBeLessThanOrEqualTo(coresArray + 256);
    }
}
