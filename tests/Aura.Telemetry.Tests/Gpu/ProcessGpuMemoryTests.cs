using Aura.Core.Model;
using Aura.Telemetry.Gpu;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class ProcessGpuMemoryTests
{
    private static readonly ProcessSample Trainer = new(100, 1, "python3", "alice", 'R', 380, 8L << 30, 10, 40);
    private static readonly ProcessSample Shell = new(200, 2, "bash", "alice", 'S', 0, 4L << 20, 0.1, 1);

    [Fact]
    public void Join_ProcessOnTwoGpus_SumsItsMemoryAndLeavesOthersNull()
    {
        var gpus = new[] { Gpu(0, [new GpuProcess(100, 1000), new GpuProcess(999, 5)]), Gpu(1, [new GpuProcess(100, 500)]) };

        var joined = ProcessGpuMemory.Join([Trainer, Shell], [.. gpus]);

        joined[0].GpuMemoryBytes.ShouldBe(1500);
        joined[1].GpuMemoryBytes.ShouldBeNull();
        joined[0].ShouldBe(Trainer with { GpuMemoryBytes = 1500 });
    }

    [Fact]
    public void Join_MemoryUnknown_StaysNull()
    {
        var joined = ProcessGpuMemory.Join([Trainer], [Gpu(0, [new GpuProcess(100, null)])]);

        joined[0].GpuMemoryBytes.ShouldBeNull();
    }

    [Fact]
    public void Join_NoGpuProcesses_SameArray()
    {
        System.Collections.Immutable.ImmutableArray<ProcessSample> processes = [Trainer, Shell];

        var joined = ProcessGpuMemory.Join(processes, [Gpu(0, null)]);

        joined.ShouldBe(processes);
    }

    private static GpuSample Gpu(int index, GpuProcess[]? processes) => new()
    {
        Index = index,
        Name = "NVIDIA A100",
        Vendor = GpuVendors.Nvidia,
        Source = GpuSources.Nvml,
        Processes = processes is null ? null : [.. processes],
    };
}
