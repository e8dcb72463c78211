using Aura.Core.Model;
using Aura.Telemetry.Gpu.NvidiaSmi;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class NvidiaSmiParserTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void ParseGpus_Datacenter_ReadsEveryColumnInItsUnit()
    {
        var gpus = NvidiaSmiParser.ParseGpus(File.ReadAllText(Fixtures.GpuFile("nvidia-smi/query-gpu-datacenter.csv")), NvidiaSmiFields.All);

        gpus.Length.ShouldBe(2);
        var a100 = gpus[0];
        a100.Index.ShouldBe(0);
        a100.Name.ShouldBe("NVIDIA A100 80GB PCIe");
        a100.Uuid.ShouldBe("GPU-4f3c1c9e-8f0e-2a7d-9c1b-6e5d4c3b2a10");
        a100.Vendor.ShouldBe(GpuVendors.Nvidia);
        a100.Source.ShouldBe(GpuSources.NvidiaSmi);
        a100.UtilizationPercent.ShouldBe(87);
        a100.MemoryUtilizationPercent.ShouldBe(41);
        a100.EncoderUtilizationPercent.ShouldBe(0);
        a100.MemoryTotalBytes.ShouldBe(81920 * MiB);
        a100.MemoryUsedBytes.ShouldBe(40213 * MiB);
        a100.MemoryFreeBytes.ShouldBe(41080 * MiB);
        a100.TemperatureCelsius.ShouldBe(61);
        a100.FanPercent.ShouldBeNull("a passively cooled board reports [N/A]");
        a100.PowerWatts.ShouldBe(243.12);
        a100.PowerLimitWatts.ShouldBe(300);
        a100.GraphicsClockMhz.ShouldBe(1410);
        a100.SmClockMhz.ShouldBe(1410);
        a100.MemoryClockMhz.ShouldBe(1512);
        a100.PerformanceState.ShouldBe(0);
        a100.ThrottleReasons.ShouldBe(0UL);
        a100.EccCorrectedErrors.ShouldBe(0);
        var h100 = gpus[1];
        h100.Index.ShouldBe(1);
        h100.ThrottleReasons.ShouldBe(0x4UL);
        GpuThrottleReasons.Names(h100.ThrottleReasons!.Value).ShouldBe(["sw_power_cap"]);
        h100.EccCorrectedErrors.ShouldBe(12);
    }

    [Fact]
    public void ParseGpus_NotSupportedAndNotAvailable_AreAbsentNeverZero()
    {
        var gpus = NvidiaSmiParser.ParseGpus(File.ReadAllText(Fixtures.GpuFile("nvidia-smi/query-gpu-geforce.csv")), NvidiaSmiFields.All);

        gpus.Length.ShouldBe(3);
        gpus[0].EccCorrectedErrors.ShouldBeNull("GeForce boards have no ECC: [N/A]");
        gpus[0].FanPercent.ShouldBe(65);
        gpus[1].UtilizationPercent.ShouldBe(0, "an idle GPU's 0 is a reading");
        gpus[1].PerformanceState.ShouldBe(8);
        var mx150 = gpus[2];
        mx150.Name.ShouldBe("NVIDIA GeForce MX150");
        mx150.UtilizationPercent.ShouldBeNull();
        mx150.MemoryUtilizationPercent.ShouldBeNull();
        mx150.EncoderUtilizationPercent.ShouldBeNull();
        mx150.PowerWatts.ShouldBeNull();
        mx150.PowerLimitWatts.ShouldBeNull();
        mx150.ThrottleReasons.ShouldBeNull();
        mx150.MemoryUsedBytes.ShouldBe(312 * MiB);
    }

    [Fact]
    public void ParseGpus_FewerFieldsAsked_MapsColumnsByTheFieldList()
    {
        var fields = NvidiaSmiFields.All.Remove(NvidiaSmiFields.UtilizationEncoder).Remove(NvidiaSmiFields.UtilizationDecoder);

        var gpu = NvidiaSmiParser.ParseGpus(File.ReadAllText(Fixtures.GpuFile("nvidia-smi/query-gpu-r470.csv")), fields).ShouldHaveSingleItem();

        gpu.Name.ShouldBe("Tesla T4");
        gpu.EncoderUtilizationPercent.ShouldBeNull();
        gpu.MemoryTotalBytes.ShouldBe(15360 * MiB);
        gpu.TemperatureCelsius.ShouldBe(44);
        gpu.MemoryClockMhz.ShouldBe(5000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No devices were found\n")]
    [InlineData("0, NVIDIA A100, GPU-x, 87\n")]
    public void ParseGpus_NotAGpuLine_Skipped(string csv)
    {
        NvidiaSmiParser.ParseGpus(csv, NvidiaSmiFields.All).ShouldBeEmpty();
    }

    [Fact]
    public void ParseGpus_GarbageInANumberColumn_OnlyThatReadingIsAbsent()
    {
        var line = File.ReadAllLines(Fixtures.GpuFile("nvidia-smi/query-gpu-datacenter.csv"))[0].Replace(", 61, ", ", 6x1, ", StringComparison.Ordinal);

        var gpu = NvidiaSmiParser.ParseGpus(line, NvidiaSmiFields.All).ShouldHaveSingleItem();

        gpu.TemperatureCelsius.ShouldBeNull();
        gpu.UtilizationPercent.ShouldBe(87);
    }

    [Fact]
    public void ParseApps_ComputeApps_GroupedByGpuUuidWithUnknownMemoryNull()
    {
        var apps = NvidiaSmiParser.ParseApps(File.ReadAllText(Fixtures.GpuFile("nvidia-smi/query-compute-apps.csv")));

        apps["GPU-4f3c1c9e-8f0e-2a7d-9c1b-6e5d4c3b2a10"].ShouldBe([new GpuProcess(31337, 40110 * MiB), new GpuProcess(31400, null)]);
        apps["GPU-9a8b7c6d-5e4f-3a2b-1c0d-efab12345678"].ShouldBe([new GpuProcess(31337, 79840 * MiB)]);
    }

    [Fact]
    public void RefusedField_OlderDriverMessage_NamesTheField()
    {
        NvidiaSmiParser.RefusedField(File.ReadAllText(Fixtures.GpuFile("nvidia-smi/invalid-field.txt"))).ShouldBe("utilization.encoder");
        NvidiaSmiParser.RefusedField("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.").ShouldBeNull();
    }
}
