using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class MemoryReaderTests
{
    private const long KiB = 1024;

    [Fact]
    public void Read_DevVm_ReportsCapturedMeminfoInBytes()
    {
        using var reader = new MemoryReader(Fixtures.Root("dev-vm"));

        var memory = reader.Read();

        // MemTotal 24684084 kB, MemAvailable 24195228 kB, Cached 2209260 + SReclaimable 73748 kB, Buffers 15120 kB, no swap.
        memory.ShouldBe(new MemorySection(
            TotalBytes: 24684084 * KiB,
            AvailableBytes: 24195228 * KiB,
            UsedBytes: (24684084 - 24195228) * KiB,
            CachedBytes: (2209260 + 73748) * KiB,
            BuffersBytes: 15120 * KiB,
            SwapTotalBytes: 0,
            SwapUsedBytes: 0));
        memory.SwapUsedRatio.ShouldBe(0);
    }

    [Fact]
    public void Read_ManyCores_UsedIsTotalMinusAvailableAndSwapUsedIsTotalMinusFree()
    {
        using var reader = new MemoryReader(Fixtures.Root("many-cores"));

        var memory = reader.Read();

        memory.TotalBytes.ShouldBe(263800440 * KiB);
        memory.UsedBytes.ShouldBe((263800440 - 210987652) * KiB);
        memory.CachedBytes.ShouldBe((98765432 + 9876544) * KiB);
        memory.BuffersBytes.ShouldBe(2345676 * KiB);
        memory.SwapTotalBytes.ShouldBe(8388604 * KiB);
        memory.SwapUsedBytes.ShouldBe((8388604 - 8126460) * KiB);
        memory.UsedRatio.ShouldBe(52812788.0 / 263800440, 1e-12);
    }

    [Fact]
    public void Read_MalformedWithoutMemAvailable_EstimatesItAndSkipsBadLines()
    {
        using var reader = new MemoryReader(Fixtures.Root("malformed"));

        var memory = reader.Read();

        // No MemAvailable: free 1000000 + buffers (garbage, so 0) + cached 2000000 kB. SReclaimable has no unit and
        // the last line is cut short, so neither counts.
        memory.ShouldBe(new MemorySection(
            TotalBytes: 8000000 * KiB,
            AvailableBytes: 3000000 * KiB,
            UsedBytes: 5000000 * KiB,
            CachedBytes: 2000000 * KiB,
            BuffersBytes: 0,
            SwapTotalBytes: 2000000 * KiB,
            SwapUsedBytes: 500000 * KiB));
    }

    [Fact]
    public void Read_OldKernelWithoutMemAvailable_EstimatesFromFreeBuffersAndCached()
    {
        using var tree = new HostTestTree();
        tree.Write("proc/meminfo", "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 250 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n");
        using var reader = new MemoryReader(tree.Root);

        var memory = reader.Read();

        memory.AvailableBytes.ShouldBe(400 * KiB);
        memory.UsedBytes.ShouldBe(600 * KiB);
    }

    [Fact]
    public void Read_MemTotalCutShort_ReportsNoTotalRatherThanAWrongOne()
    {
        using var tree = new HostTestTree();
        tree.Write("proc/meminfo", "SwapTotal: 2048 kB\nSwapFree: 1024 kB\nCached: 300 kB\nMemTotal: 24684");
        using var reader = new MemoryReader(tree.Root);

        var memory = reader.Read();

        memory.TotalBytes.ShouldBe(0);
        memory.UsedBytes.ShouldBe(0);
        memory.CachedBytes.ShouldBe(300 * KiB);
        memory.SwapUsedBytes.ShouldBe(1024 * KiB);
    }

    [Fact]
    public void Read_FileChangesBetweenReads_SeesNewValues()
    {
        using var tree = new HostTestTree();
        tree.Write("proc/meminfo", "MemTotal: 1000 kB\nMemAvailable: 900 kB\n");
        using var reader = new MemoryReader(tree.Root);
        reader.Read().UsedBytes.ShouldBe(100 * KiB);

        tree.Write("proc/meminfo", "MemTotal: 1000 kB\nMemAvailable: 250 kB\n");

        reader.Read().UsedBytes.ShouldBe(750 * KiB);
    }

    [Fact]
    public void Read_MissingOrEmptyFile_GivesZeros()
    {
        using var tree = new HostTestTree();
        using var missing = new MemoryReader(tree.Root);
        missing.Read().ShouldBe(default);

        tree.Write("proc/meminfo", "");
        using var empty = new MemoryReader(tree.Root);
        empty.Read().ShouldBe(default);
    }

    [Fact]
    public void Read_SteadyState_AllocatesNothing()
    {
        using var reader = new MemoryReader(Fixtures.Root("many-cores"));
        for (var i = 0; i < 5; i++)
        {
            reader.Read();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var memory = reader.Read();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        memory.TotalBytes.ShouldBeGreaterThan(0);
        allocated.ShouldBe(0);
    }
}
