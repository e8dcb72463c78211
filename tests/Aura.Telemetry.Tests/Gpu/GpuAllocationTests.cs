using Aura.Telemetry.Gpu.Amd;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>Steady state: a GPU read allocates the samples it returns and nothing that grows from read to read.</summary>
public sealed class GpuAllocationTests
{
    [Fact]
    public void AmdgpuRead_SteadyState_OnlyTheSamples()
    {
        using var source = new AmdgpuSource(Fixtures.Root("amd-gpus"));

        var allocated = SteadyState(() => source.Read(0).Length, out var cards);

        cards.ShouldBe(3);
        allocated.ShouldBeLessThan(cards * 400, "one GpuSample per card and the array; the files stay open and are read into a reused buffer");
    }

    [Fact]
    public void NvmlRead_SteadyState_OnlyTheSamplesAndTheirProcessLists()
    {
        var device = FakeNvmlDevice.A100();
        using var source = new NvmlGpuSource(new FakeNvml { Devices = { device, FakeNvmlDevice.A100() } });

        var allocated = SteadyState(() => source.Read(0).Length, out var gpus);

        gpus.ShouldBe(2);
        allocated.ShouldBeLessThan(gpus * 512, "one GpuSample and one process array per GPU, and the array; names and UUIDs are read once");
    }

    private static long SteadyState(Func<int> read, out int count)
    {
        for (var i = 0; i < 3; i++)
        {
            read();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        count = read();
        var first = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        read();
        var second = GC.GetAllocatedBytesForCurrentThread() - before;
        second.ShouldBe(first, "a read allocates the same every time");
        return first;
    }
}
