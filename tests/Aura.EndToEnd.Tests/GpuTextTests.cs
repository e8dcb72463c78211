using Aura.Core.Model;
using Aura.Output;

namespace Aura.EndToEnd.Tests;

public sealed class GpuTextTests
{
    [Fact]
    public void Line_CardWithFewReadings_ShowsOnlyThose()
    {
        var gpu = new GpuSample { Index = 2, Name = "AMD GPU [1002:73bf]", Vendor = GpuVendors.Amd, Source = GpuSources.Amdgpu, UtilizationPercent = 37, TemperatureCelsius = 45 };

        GpuLines.Line(gpu).ShouldBe("gpu 2    AMD GPU [1002:73bf] · 37% · 45 °C");
    }

    [Fact]
    public void Line_IdleGpu_IdleIsNotCalledThrottling()
    {
        var gpu = new GpuSample { Index = 0, Name = "NVIDIA GeForce RTX 3060", Vendor = GpuVendors.Nvidia, Source = GpuSources.Nvml, ThrottleReasons = 0x1, EccUncorrectedErrors = 0 };

        GpuLines.Line(gpu).ShouldBe("gpu 0    NVIDIA GeForce RTX 3060");
    }

    [Fact]
    public void Line_UncorrectedEccErrors_AreShown()
    {
        var gpu = new GpuSample { Index = 0, Name = "NVIDIA A100", Vendor = GpuVendors.Nvidia, Source = GpuSources.Nvml, ThrottleReasons = 0x41, EccUncorrectedErrors = 3 };

        GpuLines.Line(gpu).ShouldBe("gpu 0    NVIDIA A100 · throttled: hw_thermal_slowdown · 3 uncorrected ECC errors");
    }

    [Fact]
    public void WriteProcesses_NoProcessOnAGpu_NoGpuColumn()
    {
        using var text = new StringWriter();

        SummaryLines.WriteProcesses(text, [new ProcessSample(1, 1, "init", "root", 'S', 0, 1 << 20, 0.1, 1)]);

        text.ToString().ShouldNotContain("GPU");
    }

    [Fact]
    public void WriteProcesses_ProcessOnAGpu_GpuColumnWithDashesForOthers()
    {
        using var text = new StringWriter();

        SummaryLines.WriteProcesses(text, [
            new ProcessSample(10, 1, "python3", "alice", 'R', 99, 2L << 30, 12.5, 8) { GpuMemoryBytes = 18L << 30 },
            new ProcessSample(11, 1, "bash", "alice", 'S', 0, 4L << 20, 0.1, 1),
        ]);

        var lines = text.ToString().Split('\n');
        lines[0].ShouldContain("GPU MEM");
        lines[1].ShouldContain("18.0 GiB");
        lines[2].ShouldContain("      --    1");
    }
}
