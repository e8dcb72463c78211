using Aura.Core.Model;
using Aura.Telemetry.Gpu;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>The real NVML path: runs wherever libnvidia-ml.so.1 loads; skipped (also under CI=true) where there is no NVIDIA GPU.</summary>
public sealed class NvmlLibraryTests
{
    [RequiresNvmlFact]
    public void TryOpen_RealDriver_ReadsEveryGpuWithNameAndMemory()
    {
        using var nvml = NvmlLibrary.TryOpen(out var reason);
        nvml.ShouldNotBeNull(reason);
        nvml.DeviceGetCount(out var count).ShouldBe(NvmlReturn.Success);
        using var source = new NvmlGpuSource(nvml);

        var gpus = source.Read(0);

        gpus.Length.ShouldBe((int)count);
        foreach (var gpu in gpus)
        {
            gpu.Vendor.ShouldBe(GpuVendors.Nvidia);
            gpu.Source.ShouldBe(GpuSources.Nvml);
            gpu.Name.ShouldNotBeNullOrWhiteSpace();
            gpu.Uuid.ShouldNotBeNull().ShouldStartWith("GPU-");
            gpu.MemoryTotalBytes.ShouldNotBeNull().ShouldBeGreaterThan(0);
            (gpu.MemoryUsedBytes + gpu.MemoryFreeBytes).ShouldNotBeNull().ShouldBeLessThanOrEqualTo(gpu.MemoryTotalBytes!.Value);
            gpu.Processes.ShouldNotBeNull("NVML lists the processes of every GPU it can open");
        }
    }

    [RequiresNvmlFact]
    public void Create_RealDriver_PrefersNvml()
    {
        using var reader = GpuReader.Create("/", TimeProvider.System, path: null);

        var gpus = reader.Read();

        gpus.ShouldNotBeEmpty();
        gpus[0].Source.ShouldBe(GpuSources.Nvml);
    }

    [WithoutNvmlFact]
    public void TryOpen_NoDriver_ReturnsNullWithAReason()
    {
        NvmlLibrary.TryOpen(out var reason).ShouldBeNull();
        reason.ShouldNotBeNull().ShouldContain(NvmlNative.Library);
    }
}
