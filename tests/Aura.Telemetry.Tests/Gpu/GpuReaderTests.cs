using Aura.Core.Model;
using Aura.Telemetry.Gpu;
using Aura.Telemetry.Gpu.Amd;
using Aura.Telemetry.Gpu.Nvml;
using Aura.Telemetry.Linux;
using Aura.Telemetry.Tests.Linux;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class GpuReaderTests
{
    [Fact]
    public void Read_NvidiaAndAmd_NvidiaFirstAndAmdIndexesContinue()
    {
        using var reader = new GpuReader(new NvmlGpuSource(new FakeNvml { Devices = { FakeNvmlDevice.A100() } }), new AmdgpuSource(Fixtures.Root("amd-gpus")));

        var gpus = reader.Read();

        gpus.Select(g => (g.Index, g.Vendor)).ShouldBe([(0, GpuVendors.Nvidia), (1, GpuVendors.Amd), (2, GpuVendors.Amd), (3, GpuVendors.Amd)]);
    }

    [Fact]
    public void Read_NoSources_Empty()
    {
        GpuReader.None.Read().ShouldBeEmpty();
    }

    [WithoutNvmlFact]
    public void Create_NoDriverNoToolsNoCards_NoGpus()
    {
        using var reader = GpuReader.Create(Fixtures.Root("dev-vm"), TimeProvider.System, path: "/nonexistent");

        reader.Read().ShouldBeEmpty("no fake or integrated GPU is ever made up");
    }

    [WithoutNvmlFact]
    public void Create_NvidiaSmiOnPath_FallsBackToIt()
    {
        using var tool = StandInTool.Create("nvidia-smi", $"cat '{Fixtures.GpuFile("nvidia-smi/query-gpu-geforce.csv")}'");
        using var reader = GpuReader.Create(Fixtures.Root("amd-gpus"), TimeProvider.System, path: tool.Directory);

        var gpus = reader.Read();

        gpus.Select(g => (g.Index, g.Source)).ShouldBe([
            (0, GpuSources.NvidiaSmi), (1, GpuSources.NvidiaSmi), (2, GpuSources.NvidiaSmi),
            (3, GpuSources.Amdgpu), (4, GpuSources.Amdgpu), (5, GpuSources.Amdgpu),
        ]);
    }

    [Fact]
    public void Create_RocmSmiOnPathButAmdgpuCardsInSysfs_ReadsSysfs()
    {
        using var tool = StandInTool.Create("rocm-smi", $"cat '{Fixtures.GpuFile("rocm-smi/rocm-smi.json")}'");
        using var reader = GpuReader.Create(Fixtures.Root("amd-gpus"), TimeProvider.System, path: tool.Directory);

        reader.Read().Where(g => g.Vendor == GpuVendors.Amd).ShouldAllBe(g => g.Source == GpuSources.Amdgpu);
        tool.Calls().ShouldBeEmpty("sysfs answered, so rocm-smi is never run");
    }

    [Fact]
    public void Create_RocmSmiOnPathAndNoAmdgpuCards_FallsBackToIt()
    {
        using var tool = StandInTool.Create("rocm-smi", $"cat '{Fixtures.GpuFile("rocm-smi/rocm-smi.json")}'");
        using var reader = GpuReader.Create(Fixtures.Root("dev-vm"), TimeProvider.System, path: tool.Directory);

        var amd = reader.Read().Where(g => g.Vendor == GpuVendors.Amd).ToArray();

        amd.Select(g => g.Name).ShouldBe(["Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]", "Aldebaran/MI200 [Instinct MI210]"]);
        amd.ShouldAllBe(g => g.Source == GpuSources.RocmSmi);
        tool.Calls().ShouldHaveSingleItem().ShouldBe(string.Join(' ', RocmSmiSource.Arguments));
    }

    [Fact]
    public void Sample_GpuWithAProcessInTheTopK_SnapshotCarriesGpusAndTheProcessItsGpuMemory()
    {
        var root = Fixtures.Root("many-cores");
        var device = FakeNvmlDevice.A100();
        device.Compute = [new NvmlProcessInfo { Pid = 4100, UsedGpuMemory = 18L << 30 }];
        var gpus = new GpuReader(new NvmlGpuSource(new FakeNvml { Devices = { device } }), null);
        var stats = new FakeFilesystemStats(root, new FilesystemStats(100L << 30, 40L << 30, 30L << 30));
        using var source = new LinuxSnapshotSource(new SamplerOptions(root), TimeProvider.System, stats, gpus);

        var snapshot = source.Sample();

        snapshot.Gpus.ShouldHaveSingleItem().Name.ShouldBe("NVIDIA A100-SXM4-40GB");
        var llama = snapshot.Processes.Single(p => p.Pid == 4100);
        llama.Name.ShouldBe("llama-server");
        llama.GpuMemoryBytes.ShouldBe(18L << 30);
        snapshot.Processes.Where(p => p.Pid != 4100).ShouldAllBe(p => p.GpuMemoryBytes == null);
    }
}
