using Aura.Core.Model;
using Aura.Telemetry.Jetson;

namespace Aura.Telemetry.Tests.Jetson;

public sealed class TegrastatsParserFixtureTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Files_Fixtures_AllFourArePresent()
    {
        TegraFixtures.Files().Count.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Parse_EveryFixtureLine_LeavesNoTokenUnknownAndKeepsTheLine(string file)
    {
        var parser = new TegrastatsParser();
        foreach (var line in TegraFixtures.Lines(file))
        {
            var section = parser.Parse(line, "command");

            section.Unknown.ShouldBeEmpty($"{file}: every token of a captured line is a known field");
            section.Raw.ShouldBe(line);
            section.Source.ShouldBe("command");
            section.Ram.ShouldNotBeNull();
            section.Cores.ShouldNotBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Parse_EveryFixtureLine_NoRailIsAnEngineAndNamesAreUnique(string file)
    {
        var parser = new TegrastatsParser();
        foreach (var line in TegraFixtures.Lines(file))
        {
            var section = parser.Parse(line, "command");
            var rails = section.Rails.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

            section.Engines.ShouldNotContain(e => rails.Contains(e.Name) || e.Name.StartsWith("VDD_", StringComparison.Ordinal));
            section.Engines.Select(e => e.Name).ShouldBeUnique();
            section.Temperatures.Select(t => t.Name).ShouldBeUnique();
            section.Temperatures.ShouldNotContain(t => t.Celsius <= -256);
        }
    }

    [Fact]
    public void Parse_OrinAgx2023_ReadsTimeMemoryCoresEnginesAndDropsSentinels()
    {
        var s = new TegrastatsParser().Parse(TegraFixtures.Line("orin-agx-2023.txt"), "tegrastats");

        s.LineTime.ShouldBe("01-03-2023 16:10:22");
        s.Ram.ShouldBe(new JetsonMemory(2257 * MiB, 30536 * MiB, null, new JetsonFreeBlock(5392, 4 * MiB)));
        s.Swap.ShouldBe(new JetsonMemory(0, 15268 * MiB, 0, null));
        s.Iram.ShouldBeNull();
        s.Mts.ShouldBeNull();
        s.Cores.Select(c => c.LoadPercent).ShouldBe([10, 20, 30, 40, 50, 0, 60, 70, 80, 90, 100, 0]);
        s.Cores.ShouldAllBe(c => c.Online && c.FrequencyMhz == 729);
        s.Cores.Select(c => c.Index).ShouldBe(Enumerable.Range(0, 12));
        s.Engines.ShouldBe([
            new JetsonEngine("EMC_FREQ", false, 0, null, null),
            new JetsonEngine("GR3D_FREQ", false, 75, null, null),
        ]);
        s.Temperatures.ShouldBe([
            new JetsonTemperature("CPU", 41.375),
            new JetsonTemperature("Tboard", 29),
            new JetsonTemperature("SOC2", 39),
            new JetsonTemperature("Tdiode", 30.75),
            new JetsonTemperature("SOC0", 38.906),
            new JetsonTemperature("tj", 41.468),
            new JetsonTemperature("SOC1", 38.843),
        ]);
        s.Rails.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_OrinNanoJp6_ReadsBracketClockOffEnginesBareValueAndMilliwattRails()
    {
        var s = new TegrastatsParser().Parse(TegraFixtures.Line("orin-nano-jp6.txt"), "tegrastats");

        s.LineTime.ShouldBe("11-30-2025 13:26:01");
        s.Ram.ShouldBe(new JetsonMemory(2461 * MiB, 7620 * MiB, null, new JetsonFreeBlock(3, 2 * MiB)));
        s.Swap.ShouldBe(new JetsonMemory(1243 * MiB, 3810 * MiB, 5 * MiB, null));
        s.Cores.Select(c => c.LoadPercent).ShouldBe([19, 14, 22, 8, 15, 17]);
        s.Cores.ShouldAllBe(c => c.FrequencyMhz == 729);
        s.Engines.ShouldBe([
            new JetsonEngine("EMC_FREQ", false, 4, 2133, null),
            new JetsonEngine("GR3D_FREQ", false, 0, 305, null),
            new JetsonEngine("NVDEC", true, null, null, null),
            new JetsonEngine("NVJPG", true, null, null, null),
            new JetsonEngine("NVJPG1", true, null, null, null),
            new JetsonEngine("VIC", true, null, null, null),
            new JetsonEngine("OFA", true, null, null, null),
            new JetsonEngine("APE", false, null, null, 200),
        ]);
        s.Temperatures.Select(t => (t.Name, t.Celsius)).ShouldBe([
            ("cpu", 46.531), ("soc2", 47.312), ("soc0", 46.593), ("gpu", 48.218), ("tj", 48.843), ("soc1", 48.843),
        ]);
        s.Rails.ShouldBe([
            new JetsonRail("VDD_IN", 5704, 5704, "mW"),
            new JetsonRail("VDD_CPU_GPU_CV", 831, 831, "mW"),
            new JetsonRail("VDD_SOC", 1624, 1624, "mW"),
        ]);
    }

    [Fact]
    public void Parse_Nano2gb_ReadsUnstampedLineWithBareEnginesAndRails()
    {
        var s = new TegrastatsParser().Parse(TegraFixtures.Line("nano-2gb.txt"), "tegrastats");

        s.LineTime.ShouldBeNull();
        s.Ram.ShouldBe(new JetsonMemory(624 * MiB, 1999 * MiB, null, new JetsonFreeBlock(7, 4 * MiB)));
        s.Swap.ShouldBe(new JetsonMemory(0, 999 * MiB, 0, null));
        s.Cores.Select(c => c.LoadPercent).ShouldBe([2, 1, 0, 0, 1, 0]);
        s.Cores.ShouldAllBe(c => c.FrequencyMhz == 1190);
        s.Engines.ShouldBe([
            new JetsonEngine("EMC_FREQ", false, 0, 1600, null),
            new JetsonEngine("GR3D_FREQ", false, 0, 318, null),
            new JetsonEngine("NVDEC", false, null, null, 0),
            new JetsonEngine("NVENC", false, null, null, 0),
            new JetsonEngine("VIC_FREQ", false, 0, 1152, null),
            new JetsonEngine("APE", false, null, null, 0),
        ]);
        s.Temperatures.Select(t => (t.Name, t.Celsius)).ShouldBe([
            ("PLL", 38.0), ("Tboard", 31), ("Tdiode", 34.5), ("AUX", 32.5), ("thermal", 38.12),
        ]);
        s.Rails.ShouldBe([
            new JetsonRail("VDD_SYS_GPU", 42, 0, "mW"),
            new JetsonRail("VDD_SYS_SOC", 528, 245, "mW"),
            new JetsonRail("VDD_4V0_WIFI", 0, 0, "mW"),
            new JetsonRail("VDD_IN", 2235, 1684, "mW"),
            new JetsonRail("VDD_SYS_CPU", 119, 106, "mW"),
        ]);
    }

    [Fact]
    public void Parse_ManyEngines_ReadsEveryEngineKindAndTheUnitlessRail()
    {
        var s = new TegrastatsParser().Parse(TegraFixtures.Line("many-engines.txt"), "tegrastats");

        s.Ram.ShouldBe(new JetsonMemory(1024 * MiB, 4096 * MiB, null, new JetsonFreeBlock(1, 1 * MiB)));
        s.Swap.ShouldBe(new JetsonMemory(0, 1024 * MiB, 0, null));
        s.Cores.ShouldBe([new JetsonCore(0, true, 10, 1200), new JetsonCore(1, true, 20, 1200)]);
        s.Engines.ShouldBe([
            new JetsonEngine("EMC_FREQ", false, 25, 1600, null),
            new JetsonEngine("MC_FREQ", false, null, null, 800),
            new JetsonEngine("AXI_FREQ", false, null, null, 600),
            new JetsonEngine("GR3D_FREQ", false, 50, 900, null),
            new JetsonEngine("NVENC", false, 30, 700, null),
            new JetsonEngine("NVDEC", false, 15, 650, null),
            new JetsonEngine("NVJPG", true, null, null, null),
            new JetsonEngine("NVJPG1", false, 5, 300, null),
            new JetsonEngine("VIC", false, 12, 400, null),
            new JetsonEngine("OFA", false, 7, 350, null),
            new JetsonEngine("ISP", false, 9, 500, null),
            new JetsonEngine("NVCSI", false, 3, 250, null),
            new JetsonEngine("PCIE", false, 1, 125, null),
            new JetsonEngine("NVLINK", false, 2, 400, null),
            new JetsonEngine("ISP_UTIL", false, 4, null, null),
            new JetsonEngine("NVCSI_UTIL", false, 6, null, null),
        ]);
        s.Temperatures.ShouldBeEmpty();
        s.Rails.ShouldBe([new JetsonRail("VDD_IN", 5000, 5200, "")]);
    }

    public static TheoryData<string> FixtureFiles() => TegraFixtures.Files();
}
