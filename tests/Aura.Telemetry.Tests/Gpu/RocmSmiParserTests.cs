using System.Text.Json;
using Aura.Core.Model;
using Aura.Telemetry.Gpu.Amd;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class RocmSmiParserTests
{
    [Fact]
    public void Parse_TwoCards_ReadsEveryKeyUnderItsReleaseName()
    {
        var gpus = RocmSmiParser.Parse(File.ReadAllText(Fixtures.GpuFile("rocm-smi/rocm-smi.json")));

        gpus.Length.ShouldBe(2, "\"system\" is not a card");
        var navi = gpus[0];
        navi.Name.ShouldBe("Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]");
        navi.Uuid.ShouldBeNull("\"N/A\" is absent");
        navi.Source.ShouldBe(GpuSources.RocmSmi);
        navi.UtilizationPercent.ShouldBe(37);
        navi.MemoryUtilizationPercent.ShouldBe(12);
        navi.MemoryTotalBytes.ShouldBe(17_163_091_968);
        navi.MemoryFreeBytes.ShouldBe(17_163_091_968 - 2_147_483_648);
        navi.TemperatureCelsius.ShouldBe(45);
        navi.FanPercent.ShouldBe(29.8);
        navi.PowerWatts.ShouldBe(35);
        navi.PowerLimitWatts.ShouldBe(255);
        navi.GraphicsClockMhz.ShouldBe(1500);
        navi.MemoryClockMhz.ShouldBe(1000);
        var mi210 = gpus[1];
        mi210.Index.ShouldBe(1);
        mi210.Uuid.ShouldBe("0x5c5a9e3a1b2c3d4e");
        mi210.FanPercent.ShouldBeNull();
        mi210.PowerWatts.ShouldBe(42, "newer releases call it Current Socket Graphics Package Power");
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        Should.Throw<JsonException>(() => RocmSmiParser.Parse("WARNING: no AMD GPUs"));
    }

    [Fact]
    public void Parse_NoCards_Empty()
    {
        RocmSmiParser.Parse("""{"system": {"Driver version": "6.7.0"}}""").ShouldBeEmpty();
    }
}
