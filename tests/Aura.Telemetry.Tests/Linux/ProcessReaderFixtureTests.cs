using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>First reads of the fixture trees: no CPU % yet, so the order is by RSS, and every detail is checkable.</summary>
public sealed class ProcessReaderFixtureTests
{
    private const long PageSize = 4096;
    private const long MemoryTotal = 4096L * 100_000;

    [Fact]
    public void Read_FirstReadOfDevVm_ReturnsAllProcessesByRssThenPid()
    {
        var processes = Read("dev-vm", topK: 20);

        // RSS pages 11111, 3682, 775, 421, 415, 412, then four with none, in pid order.
        processes.Select(p => p.Pid).ShouldBe([7001, 1, 7000, 7003, 6998, 7010, 2, 4, 14, 7049]);
        processes.ShouldAllBe(p => p.CpuPercent == null);
    }

    [Fact]
    public void Read_TopKSmallerThanProcessCount_ReturnsOnlyTheBestK()
    {
        var processes = Read("dev-vm", topK: 3);

        processes.Select(p => p.Pid).ShouldBe([7001, 1, 7000]);
    }

    [Fact]
    public void Read_CapturedInit_DescribesItFully()
    {
        var init = Read("dev-vm", topK: 20).Single(p => p.Pid == 1);

        init.ShouldBe(new ProcessSample(
            Pid: 1,
            StartTimeTicks: 10,
            Name: "process_api",
            User: "root",
            State: 'S',
            CpuPercent: null,
            RssBytes: 3682 * PageSize,
            MemoryPercent: 3.682,
            Threads: 13) { Ppid = 0 });
    }

    [Theory]
    [InlineData(7010, 6999)] // sleep under runuser
    [InlineData(7001, 1)]
    public void Read_CapturedProcesses_CarryTheirParentPid(int pid, int parent) =>
        Read("dev-vm", topK: 20).Single(p => p.Pid == pid).Ppid.ShouldBe(parent);

    [Theory]
    [InlineData(6998, "long-running-worker-process", "root", 'S')] // comm cut to 15, full name from cmdline
    [InlineData(4, "kworker/R-rcu_gp", "root", 'I')] // 16-byte kernel thread comm, empty cmdline
    [InlineData(7049, "python3", "root", 'Z')] // zombie, empty cmdline
    [InlineData(7010, "sleep", "nobody", 'S')] // run under runuser -u nobody
    [InlineData(7001, "python3", "root", 'S')]
    public void Read_CapturedProcesses_HaveTheirNameUserAndState(int pid, string name, string user, char state)
    {
        var process = Read("dev-vm", topK: 20).Single(p => p.Pid == pid);

        (process.Name, process.User, process.State).ShouldBe((name, user, state));
    }

    [Fact]
    public void Read_Malformed_SkipsUnreadableAndVanishedProcessesWithoutThrowing()
    {
        var processes = Read("malformed", topK: 20);

        // 101 truncated, 110 garbage and 112 empty stat; 108 has no stat; 109 lost its status after the stat was read.
        processes.Select(p => p.Pid).Order().ShouldBe([100, 102, 103, 104, 105, 106, 107, 111]);
    }

    [Fact]
    public void Read_BestProcessVanishedAfterItsStat_FillsTheTopKFromTheNextOnes()
    {
        // 109 has the most RSS (4000 pages) but no status any more; the next three by RSS take the places.
        var processes = Read("malformed", topK: 3);

        processes.Select(p => p.Pid).ShouldBe([105, 107, 100]);
    }

    [Theory]
    [InlineData(100, "(a) b)", "alice", 'S')]
    [InlineData(102, "defunct-child", "alice", 'Z')]
    [InlineData(103, "kworker/0:1-eve", "root", 'I')] // 15 bytes but a kernel thread: empty cmdline keeps comm
    [InlineData(104, "no-uid-line", ProcessReader.UnknownUser, 'S')]
    [InlineData(105, "very-long-process-name", "alice", 'S')]
    [InlineData(106, "stranger", "4242", 'S')] // uid not in passwd
    [InlineData(107, "update-notifier", "bob", 'S')] // 15 bytes, but cmdline is python3
    [InlineData(111, "very-long-daemon-name", "root", 'S')] // setproctitle-style cmdline
    public void Read_OddProcesses_HaveTheirNameUserAndState(int pid, string name, string user, char state)
    {
        var process = Read("malformed", topK: 20).Single(p => p.Pid == pid);

        (process.Name, process.User, process.State).ShouldBe((name, user, state));
    }

    [Theory]
    [InlineData("container", 1, "node", "node")]
    [InlineData("container", 19, "sh", "1000680000")]
    [InlineData("container", 27, "healthcheck.sh", "1000680000")]
    [InlineData("many-cores", 4100, "llama-server", "llm")]
    public void Read_OtherTrees_NameProcessesAndUsers(string tree, int pid, string name, string user)
    {
        var process = Read(tree, topK: 20).Single(p => p.Pid == pid);

        (process.Name, process.User).ShouldBe((name, user));
    }

    [Fact]
    public void Read_BigMultiThreadedProcess_ReportsThreadsRssAndMemoryPercent()
    {
        var llama = Read("many-cores", topK: 1, memoryTotal: 64L << 30).ShouldHaveSingleItem();

        llama.Pid.ShouldBe(4100);
        llama.Threads.ShouldBe(64);
        llama.RssBytes.ShouldBe(20L << 30); // 5242880 pages of 4 KiB
        llama.MemoryPercent.ShouldBe(31.25, tolerance: 1e-12);
    }

    [Fact]
    public void Read_LargerPageSize_ScalesRss()
    {
        var reader = new ProcessReader(Fixtures.Root("dev-vm"), topK: 1, ticksPerSecond: 100, pageSize: 16384);

        var top = reader.Read(Fixtures.At(0), MemoryTotal).ShouldHaveSingleItem();

        top.RssBytes.ShouldBe(11111 * 16384L);
    }

    [Fact]
    public void Read_MemoryTotalUnknown_ReportsZeroMemoryPercent() =>
        Read("dev-vm", topK: 20, memoryTotal: 0).ShouldAllBe(p => p.MemoryPercent == 0);

    [Fact]
    public void Read_RootWithoutProc_ReturnsEmpty()
    {
        var reader = new ProcessReader(Path.Combine(Fixtures.Root("dev-vm"), "etc"));

        reader.Read(Fixtures.At(0), MemoryTotal).ShouldBeEmpty();
    }

    private static ProcessSample[] Read(string tree, int topK, long memoryTotal = MemoryTotal) =>
        [.. new ProcessReader(Fixtures.Root(tree), topK, ticksPerSecond: 100, pageSize: PageSize).Read(Fixtures.At(0), memoryTotal)];
}
