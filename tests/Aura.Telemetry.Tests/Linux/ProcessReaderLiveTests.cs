using System.Diagnostics;
using System.Globalization;
using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>The reader against this machine's own /proc, with the real clock tick rate and page size.</summary>
public sealed class ProcessReaderLiveTests
{
    private const long MemoryTotal = 1L << 40;

    [Fact]
    public void Read_RealProcTwice_FindsThisProcessWithItsNameUserAndCpu()
    {
        using var reader = new ProcessReader("/", topK: PidDirectoryCount() + 256);
        var origin = TimeProvider.System.GetTimestamp();
        reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);
        BurnCpu(TimeSpan.FromMilliseconds(300));

        var processes = reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);

        var self = processes.Single(p => p.Pid == Environment.ProcessId);
        using var current = Process.GetCurrentProcess();
        self.Name.ShouldBe(current.ProcessName); // .NET resolves the 15-byte comm limit its own way
        self.User.ShouldBe(Environment.UserName);
        self.CpuPercent.ShouldNotBeNull().ShouldBeGreaterThan(0);
        self.Threads.ShouldBeGreaterThan(1);
        self.RssBytes.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Read_RealProcWithDefaultTopK_ReturnsTwentyInRankOrder()
    {
        using var reader = new ProcessReader("/");
        var origin = TimeProvider.System.GetTimestamp();
        reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);
        BurnCpu(TimeSpan.FromMilliseconds(50));

        var processes = reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);

        if (PidDirectoryCount() >= 40)
        {
            processes.Length.ShouldBe(20);
        }

        processes.Select(p => p.Pid).Distinct().Count().ShouldBe(processes.Length);
        for (var i = 1; i < processes.Length; i++)
        {
            RankKey(processes[i - 1]).ShouldBeGreaterThan(RankKey(processes[i]), $"{processes[i - 1]} before {processes[i]}");
        }
    }

    [Fact]
    public void Read_ProcessExitsBetweenScans_IsDroppedAndItsKeptStatFileClosed()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep") { ArgumentList = { "30" } }).ShouldNotBeNull();
        var topK = PidDirectoryCount() + 256;
        var reader = new ProcessReader("/", topK);
        var origin = TimeProvider.System.GetTimestamp();

        var childStat = $"/proc/{child.Id}/stat";

        var first = reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);
        var heldWhileRunning = OpenFileTargets().Contains(childStat);
        child.Kill();
        child.WaitForExit();
        var second = reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);
        var heldAfterExit = OpenFileTargets().Contains(childStat);
        var third = reader.Read(Tick.From(TimeProvider.System, origin), MemoryTotal);
        reader.Dispose();

        first.ShouldContain(p => p.Pid == child.Id && p.Name == "sleep");
        second.ShouldNotContain(p => p.Pid == child.Id);
        third.Select(p => p.Pid).ShouldContain(Environment.ProcessId);
        heldWhileRunning.ShouldBeTrue("the running child's stat file is kept open between scans");
        heldAfterExit.ShouldBeFalse("the exited child's stat file is closed by the next scan");
        reader.KeptOpenFiles.ShouldBe(0);
    }

    [Fact]
    public void Read_FixtureTree_KeepsNoFileOpen()
    {
        using var reader = new ProcessReader(Fixtures.Root("dev-vm"));

        reader.Read(Fixtures.At(0), MemoryTotal).ShouldNotBeEmpty();

        reader.KeptOpenFiles.ShouldBe(0);
    }

    private static HashSet<string> OpenFileTargets()
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target)
                {
                    targets.Add(target);
                }
            }
            catch (IOException)
            {
                // closed while listing
            }
        }

        return targets;
    }

    private static (double Cpu, long Rss, int NegatedPid) RankKey(ProcessSample p) => (p.CpuPercent ?? 0, p.RssBytes, -p.Pid);

    private static int PidDirectoryCount() =>
        Directory.EnumerateDirectories("/proc").Count(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    private static void BurnCpu(TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var x = 0UL;
        while (watch.Elapsed < duration)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
        }

        GC.KeepAlive(x);
    }
}
