using Aura.Core.Model;
using Aura.Telemetry.Gpu.Amd;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class AmdgpuSourceTests
{
    [Fact]
    public void Read_FixtureTree_ListsOnlyAmdgpuCards()
    {
        using var source = new AmdgpuSource(Fixtures.Root("amd-gpus"));

        var gpus = source.Read(0);

        gpus.Select(g => g.Name).ShouldBe(["AMD GPU [1002:73bf]", "AMD Instinct MI210", "AMD GPU [1002:7340]"],
            "card1 is Intel, card4 is on the radeon driver, card0-DP-1 is a connector and renderD128 a render node");
        gpus.Select(g => g.Index).ShouldBe([0, 1, 2]);
        gpus.ShouldAllBe(g => g.Vendor == GpuVendors.Amd && g.Source == GpuSources.Amdgpu);
    }

    [Fact]
    public void Read_DesktopCard_ReadsSysfsAndHwmonInTheirUnits()
    {
        using var source = new AmdgpuSource(Fixtures.Root("amd-gpus"));

        var gpu = source.Read(0)[0];

        gpu.Uuid.ShouldBeNull();
        gpu.UtilizationPercent.ShouldBe(37);
        gpu.MemoryUtilizationPercent.ShouldBe(12);
        gpu.MemoryTotalBytes.ShouldBe(17_163_091_968);
        gpu.MemoryUsedBytes.ShouldBe(2_147_483_648);
        gpu.MemoryFreeBytes.ShouldBe(17_163_091_968 - 2_147_483_648);
        gpu.TemperatureCelsius.ShouldBe(45);
        gpu.PowerWatts.ShouldBe(35);
        gpu.PowerLimitWatts.ShouldBe(255);
        gpu.FanPercent.ShouldBe(29.8);
        gpu.GraphicsClockMhz.ShouldBe(1500, "the level pp_dpm_sclk marks with *");
        gpu.MemoryClockMhz.ShouldBe(1000);
        gpu.PerformanceState.ShouldBeNull();
        gpu.EccCorrectedErrors.ShouldBeNull("no ras directory: no ECC");
        gpu.Processes.ShouldBeNull("amdgpu's sysfs lists no processes");
    }

    [Fact]
    public void Read_ServerCard_ProductNameUniqueIdEccAndPowerInput()
    {
        using var source = new AmdgpuSource(Fixtures.Root("amd-gpus"));

        var gpu = source.Read(0)[1];

        gpu.Uuid.ShouldBe("5c5a9e3a1b2c3d4e");
        gpu.UtilizationPercent.ShouldBe(100);
        gpu.MemoryUtilizationPercent.ShouldBeNull();
        gpu.PowerWatts.ShouldBe(287, "power1_input when there is no power1_average");
        gpu.FanPercent.ShouldBeNull("no pwm1: no fan Aura can read");
        gpu.GraphicsClockMhz.ShouldBe(1700);
        gpu.MemoryClockMhz.ShouldBe(1600, "freq2_input in Hz when there is no pp_dpm_mclk");
        gpu.EccCorrectedErrors.ShouldBe(3);
        gpu.EccUncorrectedErrors.ShouldBe(0);
    }

    [Fact]
    public void Read_RuntimeSuspendedCard_ListedWithoutReadings()
    {
        using var source = new AmdgpuSource(Fixtures.Root("amd-gpus"));

        var gpu = source.Read(0)[2];

        gpu.UtilizationPercent.ShouldBeNull();
        gpu.MemoryTotalBytes.ShouldBeNull();
        gpu.TemperatureCelsius.ShouldBeNull("the 0 in temp1_input of a sleeping card is not a temperature");
    }

    [Fact]
    public void Read_FirstIndexGiven_IndexesFollowIt()
    {
        using var source = new AmdgpuSource(Fixtures.Root("amd-gpus"));

        source.Read(2).Select(g => g.Index).ShouldBe([2, 3, 4]);
    }

    [Theory]
    [InlineData("dev-vm")]
    [InlineData("container")]
    [InlineData("malformed")]
    public void Read_MachineWithoutGpus_Empty(string tree)
    {
        using var source = new AmdgpuSource(Fixtures.Root(tree));

        source.Read(0).ShouldBeEmpty();
    }
}
