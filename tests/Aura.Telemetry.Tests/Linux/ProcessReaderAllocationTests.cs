using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>Steady state: what a read allocates must not grow with the number of processes.</summary>
public sealed class ProcessReaderAllocationTests
{
    private const long MemoryTotal = 4096L * 100_000;

    [Fact]
    public void Read_SteadyState_AllocatesTheSameForTenOrThreeHundredProcesses()
    {
        using var few = ProcessTree.Copy("dev-vm");
        using var many = ProcessTree.Copy("dev-vm");
        for (var pid = 20_000; pid < 20_300; pid++)
        {
            many.AddProcess(pid, "worker", utime: pid, stime: 0, startTime: 500_000, rssPages: 100, uid: 65534, "worker");
        }

        var allocatedFew = SteadyStateAllocation(few.Root);
        var allocatedMany = SteadyStateAllocation(many.Root);

        allocatedMany.ShouldBe(allocatedFew);
        allocatedFew.ShouldBeLessThan(1024); // the result array and one directory enumerator
    }

    private static long SteadyStateAllocation(string root)
    {
        var reader = new ProcessReader(root, topK: 5, ticksPerSecond: 100, pageSize: 4096);
        for (var i = 0; i < 3; i++)
        {
            reader.Read(Fixtures.At(i), MemoryTotal);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var processes = reader.Read(Fixtures.At(3), MemoryTotal);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        processes.Length.ShouldBe(5);
        return allocated;
    }
}
