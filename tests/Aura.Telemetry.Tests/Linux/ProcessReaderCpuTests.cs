using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>CPU % between two reads of a copied tree whose stat files the test rewrites in between.</summary>
public sealed class ProcessReaderCpuTests : IDisposable
{
    private const long MemoryTotal = 4096L * 100_000;
    private const long PythonStart = 343961; // dev-vm pid 7001's real start time
    private readonly ProcessTree _tree = ProcessTree.Copy("dev-vm");

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Read_CountersGrowBetweenReads_ReportsCpuPercentOfOneCore()
    {
        var reader = Reader();
        _tree.WriteStat(7001, "python3", utime: 100, stime: 50, PythonStart, rssPages: 11111, threads: 5);
        reader.Read(Fixtures.At(10), MemoryTotal);
        _tree.WriteStat(7001, "python3", utime: 220, stime: 80, PythonStart, rssPages: 11111, threads: 5);

        var processes = reader.Read(Fixtures.At(12), MemoryTotal);

        // (220 + 80) - (100 + 50) = 150 ticks = 1.5 s of CPU at 100 Hz, over 2 s: 75 % of one core.
        Find(processes, 7001).CpuPercent.ShouldNotBeNull().ShouldBe(75.0, tolerance: 1e-9);
    }

    [Fact]
    public void Read_SeveralThreadsBusy_ExceedsOneHundredPercent()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(0), MemoryTotal);
        _tree.WriteStat(1, "process_api", utime: 153 + 500, stime: 468 + 200, startTime: 10, rssPages: 3682, threads: 13);

        var processes = reader.Read(Fixtures.At(2), MemoryTotal);

        // 700 ticks = 7 s of CPU in 2 s: three and a half cores, as top shows it.
        Find(processes, 1).CpuPercent.ShouldNotBeNull().ShouldBe(350.0, tolerance: 1e-9);
    }

    [Fact]
    public void Read_OtherClockTickRate_DividesByIt()
    {
        var reader = Reader(ticksPerSecond: 1000);
        _tree.WriteStat(7001, "python3", utime: 100, stime: 50, PythonStart, rssPages: 11111);
        reader.Read(Fixtures.At(0), MemoryTotal);
        _tree.WriteStat(7001, "python3", utime: 220, stime: 80, PythonStart, rssPages: 11111);

        var processes = reader.Read(Fixtures.At(2), MemoryTotal);

        // 150 ticks at 1000 Hz = 0.15 s over 2 s.
        Find(processes, 7001).CpuPercent.ShouldNotBeNull().ShouldBe(7.5, tolerance: 1e-9);
    }

    [Fact]
    public void Read_CountersUnchanged_ReportsZeroNotNull()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(0), MemoryTotal);

        var processes = reader.Read(Fixtures.At(1), MemoryTotal);

        processes.Length.ShouldBe(10);
        processes.ShouldAllBe(p => p.CpuPercent == 0.0);
    }

    [Fact]
    public void Read_ProcessStartedBetweenReads_HasNoCpuPercentOnItsFirstSighting()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(0), MemoryTotal);
        _tree.AddProcess(8000, "fresh", utime: 400, stime: 100, startTime: 344100, rssPages: 10, uid: 0, "fresh");

        var second = reader.Read(Fixtures.At(1), MemoryTotal);
        _tree.WriteStat(8000, "fresh", utime: 450, stime: 100, startTime: 344100, rssPages: 10);
        var third = reader.Read(Fixtures.At(2), MemoryTotal);

        Find(second, 8000).CpuPercent.ShouldBeNull();
        Find(third, 8000).CpuPercent.ShouldNotBeNull().ShouldBe(50.0, tolerance: 1e-9);
    }

    [Fact]
    public void Read_PidReusedWithNewStartTime_TreatsItAsANewProcess()
    {
        var reader = Reader();
        _tree.WriteStat(7001, "python3", utime: 90_000, stime: 10_000, PythonStart, rssPages: 11111, threads: 5);
        reader.Read(Fixtures.At(0), MemoryTotal);

        // python3 exits and a new process gets pid 7001: lower counters, later start, another comm.
        _tree.WriteStat(7001, "node", utime: 2, stime: 1, startTime: 400_000, rssPages: 20_000, threads: 7);
        var reused = Find(reader.Read(Fixtures.At(1), MemoryTotal), 7001);
        _tree.WriteStat(7001, "node", utime: 52, stime: 1, startTime: 400_000, rssPages: 20_000, threads: 7);
        var next = Find(reader.Read(Fixtures.At(2), MemoryTotal), 7001);

        reused.CpuPercent.ShouldBeNull();
        (reused.StartTimeTicks, reused.Name, reused.Threads).ShouldBe((400_000L, "node", 7));
        next.CpuPercent.ShouldNotBeNull().ShouldBe(50.0, tolerance: 1e-9);
    }

    [Fact]
    public void Read_PidReusedByAProcessWithMoreCpuTime_StillHasNoCpuPercent()
    {
        var reader = Reader();
        _tree.WriteStat(7003, "sleep", utime: 0, stime: 0, PythonStart, rssPages: 421);
        reader.Read(Fixtures.At(0), MemoryTotal);

        // The counters grew by 60 ticks, which would read as a believable 60 %, but they belong to another process.
        _tree.WriteStat(7003, "cc1", utime: 50, stime: 10, startTime: PythonStart + 90, rssPages: 5000);
        var reused = Find(reader.Read(Fixtures.At(1), MemoryTotal), 7003);

        reused.CpuPercent.ShouldBeNull();
        (reused.StartTimeTicks, reused.Name).ShouldBe((PythonStart + 90, "cc1"));
    }

    [Fact]
    public void Read_SameProcessExecsAnotherProgram_RenamesIt()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(0), MemoryTotal);

        // exec keeps pid and start time but changes comm (and cmdline).
        _tree.WriteStat(7003, "very-long-proce", utime: 0, stime: 0, startTime: PythonStart, rssPages: 421);
        File.WriteAllText(Path.Combine(_tree.Root, "proc", "7003", "cmdline"), "/opt/very-long-process-name\0");
        var process = Find(reader.Read(Fixtures.At(1), MemoryTotal), 7003);

        process.Name.ShouldBe("very-long-process-name");
        process.CpuPercent.ShouldBe(0.0);
    }

    [Fact]
    public void Read_ProcessVanishedBetweenReads_IsLeftOutAndForgotten()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(0), MemoryTotal);
        var trackedBefore = reader.TrackedCount;
        _tree.Remove(7001);

        var processes = reader.Read(Fixtures.At(1), MemoryTotal);

        processes.Select(p => p.Pid).ShouldNotContain(7001);
        processes.Length.ShouldBe(9);
        trackedBefore.ShouldBe(10);
        reader.TrackedCount.ShouldBe(9);
    }

    [Fact]
    public void Read_PidComesBackAfterVanishing_StartsWithoutCpuPercent()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(0), MemoryTotal);
        _tree.Remove(7003);
        reader.Read(Fixtures.At(1), MemoryTotal);
        _tree.AddProcess(7003, "sleep", utime: 500, stime: 0, startTime: PythonStart, rssPages: 421, uid: 0, "sleep", "602");

        var process = Find(reader.Read(Fixtures.At(2), MemoryTotal), 7003);

        process.CpuPercent.ShouldBeNull();
    }

    [Fact]
    public void Read_TiesOnCpuPercent_BreaksByRssThenPid()
    {
        var reader = Reader();
        _tree.WriteStat(7000, "bash", utime: 0, stime: 0, PythonStart, rssPages: 500);
        _tree.WriteStat(7003, "sleep", utime: 0, stime: 0, PythonStart, rssPages: 900);
        _tree.WriteStat(7010, "sleep", utime: 0, stime: 0, PythonStart + 1, rssPages: 900);
        reader.Read(Fixtures.At(0), MemoryTotal);
        _tree.WriteStat(7000, "bash", utime: 10, stime: 0, PythonStart, rssPages: 500);
        _tree.WriteStat(7003, "sleep", utime: 5, stime: 5, PythonStart, rssPages: 900);
        _tree.WriteStat(7010, "sleep", utime: 0, stime: 10, PythonStart + 1, rssPages: 900);
        _tree.AddProcess(8000, "fresh", utime: 999, stime: 0, startTime: 344100, rssPages: 99_999, uid: 0, "fresh");

        var processes = reader.Read(Fixtures.At(1), MemoryTotal);

        // 10 % each: 7003 and 7010 (900 pages, lower pid first), then 7000 (500 pages). Then everything at 0 %, by RSS:
        // the new 8000 has no CPU % yet and ranks as 0, above 7001 (11111 pages) and 1 (3682).
        processes.Take(6).Select(p => p.Pid).ShouldBe([7003, 7010, 7000, 8000, 7001, 1]);
        processes.Take(3).ShouldAllBe(p => p.CpuPercent == 10.0);
    }

    [Fact]
    public void Read_SameTickTwice_HasNoCpuPercentRatherThanDividingByZero()
    {
        var reader = Reader();
        reader.Read(Fixtures.At(5), MemoryTotal);

        var processes = reader.Read(Fixtures.At(5), MemoryTotal);

        processes.ShouldAllBe(p => p.CpuPercent == null);
    }

    private ProcessReader Reader(long ticksPerSecond = 100) => new(_tree.Root, topK: 20, ticksPerSecond, pageSize: 4096);

    private static ProcessSample Find(IEnumerable<ProcessSample> processes, int pid) => processes.Single(p => p.Pid == pid);
}
