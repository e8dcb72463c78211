using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>Usage shares from crafted /proc/stat counters; every expected share is worked out by hand in the comments.</summary>
public sealed class CpuReaderTests : IDisposable
{
    private const double Tolerance = 1e-12;
    private readonly HostTestTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Read_FirstRead_HasNoRates()
    {
        WriteStat("cpu  100 0 50 850 0 0 0 0 0 0", "cpu0 100 0 50 850 0 0 0 0 0 0", "ctxt 1000", "procs_running 3", "procs_blocked 1");
        using var reader = new CpuReader(_tree.Root);

        var cpu = reader.Read(Fixtures.At(0));

        cpu.Total.ShouldBeNull();
        cpu.ContextSwitchesPerSecond.ShouldBeNull();
        cpu.Cores.Length.ShouldBe(1);
        cpu.Cores[0].Times.ShouldBeNull();
        cpu.ProcsRunning.ShouldBe(3);
        cpu.ProcsBlocked.ShouldBe(1);
    }

    [Fact]
    public void Read_SecondRead_GivesSharesOfCounterDeltas()
    {
        WriteStat(
            "cpu  100 10 50 800 20 5 5 10 0 0",
            "cpu0 60 5 30 400 10 3 3 5 0 0",
            "cpu1 40 5 20 400 10 2 2 5 0 0");
        using var reader = new CpuReader(_tree.Root);
        reader.Read(Fixtures.At(0));

        // cpu0: user +50, system +25, idle +25 = 100 ticks. cpu1: user +10, nice +10, system +5, idle +55,
        // iowait +10, irq +4, softirq +2, steal +4 = 100 ticks. The aggregate is their sum: 200 ticks.
        WriteStat(
            "cpu  160 20 80 880 30 9 7 14 0 0",
            "cpu0 110 5 55 425 10 3 3 5 0 0",
            "cpu1 50 15 25 455 20 6 4 9 0 0");
        var cpu = reader.Read(Fixtures.At(1));

        ShouldMatch(cpu.Total, new CpuTimes(User: 0.30, Nice: 0.05, System: 0.15, IoWait: 0.05, Irq: 0.02, SoftIrq: 0.01, Steal: 0.02, Idle: 0.40));
        cpu.Total!.Value.Busy.ShouldBe(0.55, Tolerance);
        ShouldMatch(cpu.Cores[0].Times, new CpuTimes(User: 0.50, Nice: 0, System: 0.25, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.25));
        ShouldMatch(cpu.Cores[1].Times, new CpuTimes(User: 0.10, Nice: 0.10, System: 0.05, IoWait: 0.10, Irq: 0.04, SoftIrq: 0.02, Steal: 0.04, Idle: 0.55));
    }

    [Fact]
    public void Read_GuestTime_NotCountedTwice()
    {
        WriteStat("cpu  1000 500 0 1000 0 0 0 0 300 200");
        using var reader = new CpuReader(_tree.Root);
        reader.Read(Fixtures.At(0));

        // user +100 of which guest +80, nice +50 of which guest_nice +40, idle +50: 200 ticks passed, not 320.
        WriteStat("cpu  1100 550 0 1050 0 0 0 0 380 240");
        var total = reader.Read(Fixtures.At(1)).Total;

        ShouldMatch(total, new CpuTimes(User: 0.50, Nice: 0.25, System: 0, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.25));
    }

    [Fact]
    public void Read_CounterWentBackwards_GivesNullThenRecovers()
    {
        WriteStat("cpu  5000 0 1000 9000 0 0 0 0 0 0", "cpu0 5000 0 1000 9000 0 0 0 0 0 0");
        using var reader = new CpuReader(_tree.Root);
        reader.Read(Fixtures.At(0));

        // System went from 1000 to 10: a reset, not a negative share or a huge one.
        WriteStat("cpu  5050 0 10 9050 0 0 0 0 0 0", "cpu0 5050 0 10 9050 0 0 0 0 0 0");
        var reset = reader.Read(Fixtures.At(1));

        reset.Total.ShouldBeNull();
        reset.Cores[0].Times.ShouldBeNull();

        // From the new baseline: user +30, system +10, idle +60.
        WriteStat("cpu  5080 0 20 9110 0 0 0 0 0 0", "cpu0 5080 0 20 9110 0 0 0 0 0 0");
        var after = reader.Read(Fixtures.At(2));

        ShouldMatch(after.Total, new CpuTimes(User: 0.30, Nice: 0, System: 0.10, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.60));
        ShouldMatch(after.Cores[0].Times, after.Total!.Value);
    }

    [Fact]
    public void Read_IoWaitRefiledAsIdle_CountsAsIdleInsteadOfReset()
    {
        WriteStat("cpu  1000 0 0 1000 100 0 0 0 0 0");
        using var reader = new CpuReader(_tree.Root);
        reader.Read(Fixtures.At(0));

        // iowait fell by 10 while idle rose by 90: idle and iowait together moved on by 80, user by 20.
        WriteStat("cpu  1020 0 0 1090 90 0 0 0 0 0");
        var total = reader.Read(Fixtures.At(1)).Total;

        ShouldMatch(total, new CpuTimes(User: 0.20, Nice: 0, System: 0, IoWait: 0, Irq: 0, SoftIrq: 0, Steal: 0, Idle: 0.80));
    }

    [Fact]
    public void Read_NoTickPassed_GivesNull()
    {
        WriteStat("cpu  1000 0 0 1000 0 0 0 0 0 0");
        using var reader = new CpuReader(_tree.Root);
        reader.Read(Fixtures.At(0));

        reader.Read(Fixtures.At(0.001)).Total.ShouldBeNull();
    }

    [Fact]
    public void Read_ContextSwitches_PerSecondOfMonotonicTime()
    {
        WriteStat("cpu  1 0 0 1 0 0 0 0 0 0", "ctxt 1000");
        using var reader = new CpuReader(_tree.Root);
        var start = Fixtures.At(0);
        reader.Read(start);

        // 3000 switches over 2 s of monotonic time, while the wall clock was stepped back an hour.
        WriteStat("cpu  2 0 0 2 0 0 0 0 0 0", "ctxt 4000");
        var cpu = reader.Read(new Tick(start.Time.AddHours(-1), TimeSpan.FromSeconds(2)));

        cpu.ContextSwitchesPerSecond.ShouldBe(1500);
    }

    [Fact]
    public void Read_GarbageMachineWideLines_GiveNullForThoseOnly()
    {
        WriteStat("cpu  1 0 0 1 0 0 0 0 0 0", "ctxt 12o45", "procs_running three", "procs_blocked 2");
        using var reader = new CpuReader(_tree.Root);
        reader.Read(Fixtures.At(0));

        var cpu = reader.Read(Fixtures.At(1));

        cpu.ContextSwitchesPerSecond.ShouldBeNull();
        cpu.ProcsRunning.ShouldBeNull();
        cpu.ProcsBlocked.ShouldBe(2);
    }

    [Fact]
    public void Read_LoadAverage_FromLoadavg()
    {
        WriteStat("cpu  1 0 0 1 0 0 0 0 0 0");
        _tree.Write("proc/loadavg", "1.43 0.54 0.24 1/86 5737\n");
        using var reader = new CpuReader(_tree.Root);

        reader.Read(Fixtures.At(0)).Load.ShouldBe(new LoadAverage(1.43, 0.54, 0.24));
    }

    [Fact]
    public void Read_NothingReadable_GivesEmptySection()
    {
        using var reader = new CpuReader(_tree.Root);

        reader.Read(Fixtures.At(0)).ShouldBeSameAs(CpuSection.Empty);
        reader.Read(Fixtures.At(1)).ShouldBeSameAs(CpuSection.Empty);
    }

    private void WriteStat(params string[] lines) => _tree.Write("proc/stat", string.Join('\n', lines) + "\n");

    internal static void ShouldMatch(CpuTimes? actual, CpuTimes expected)
    {
        actual.ShouldNotBeNull();
        var times = actual.Value;
        times.User.ShouldBe(expected.User, Tolerance);
        times.Nice.ShouldBe(expected.Nice, Tolerance);
        times.System.ShouldBe(expected.System, Tolerance);
        times.IoWait.ShouldBe(expected.IoWait, Tolerance);
        times.Irq.ShouldBe(expected.Irq, Tolerance);
        times.SoftIrq.ShouldBe(expected.SoftIrq, Tolerance);
        times.Steal.ShouldBe(expected.Steal, Tolerance);
        times.Idle.ShouldBe(expected.Idle, Tolerance);
        (times.User + times.Nice + times.System + times.IoWait + times.Irq + times.SoftIrq + times.Steal + times.Idle).ShouldBe(1.0, Tolerance);
    }
}
