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

    [Fact]
    public void Create_NoDriverNoToolsNoCards_NoGpus()
    {
        if (System.Runtime.InteropServices.NativeLibrary.TryLoad(NvmlNative.Library, out _))
        {
            return; // A machine with NVIDIA's driver has GPUs; NvmlLibraryTests covers it.
        }

        using var reader = GpuReader.Create(Fixtures.Root("dev-vm"), TimeProvider.System, path: "/nonexistent");

        reader.Read().ShouldBeEmpty("no fake or integrated GPU is ever made up");
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
