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
        var reader = new ProcessReader("/", topK: PidDirectoryCount() + 256);
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
        var reader = new ProcessReader("/");
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
