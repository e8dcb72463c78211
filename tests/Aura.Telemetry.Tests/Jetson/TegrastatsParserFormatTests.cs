using Aura.Core.Model;
using Aura.Telemetry.Jetson;

namespace Aura.Telemetry.Tests.Jetson;

/// <summary>Older and unusual formats NVIDIA documents that no capture in tests/fixtures/tegrastats has, and bad input.</summary>
public sealed class TegrastatsParserFormatTests
{
    private const long KiB = 1024;
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Parse_Tx2Line_ReadsIramMtsSharedClockOffCoresAndUnitlessRails()
    {
        const string line = "RAM 1179/3964MB (lfb 1x1MB) SWAP 0/1982MB (cached 0MB) IRAM 0/252kB(lfb 252kB) "
            + "CPU [1%,0%,off,off]@102 MTS fg 0% bg 3% EMC_FREQ 3%@1600 GR3D_FREQ 0%@114 APE 150 "
            + "BCPU@36.5C MCPU@36.5C GPU@34.5C PLL@36.5C AO@42C Tboard@31C Tdiode@35.75C PMIC@100C thermal@35.6C "
            + "VDD_IN 1606/1606 VDD_CPU 114/114 VDD_GPU 19/19";

        var s = new TegrastatsParser().Parse(line, "tegrastats");

        s.Unknown.ShouldBeEmpty();
        s.Iram.ShouldBe(new JetsonMemory(0, 252 * KiB, null, new JetsonFreeBlock(null, 252 * KiB)));
        s.Ram!.Value.LargestFreeBlock.ShouldBe(new JetsonFreeBlock(1, MiB));
        s.Mts.ShouldBe(new JetsonMts(0, 3));
        s.Cores.ShouldBe([
            new JetsonCore(0, true, 1, 102),
            new JetsonCore(1, true, 0, 102),
            new JetsonCore(2, false, null, null),
            new JetsonCore(3, false, null, null),
        ]);
        s.Engines.Select(e => e.Name).ShouldBe(["EMC_FREQ", "GR3D_FREQ", "APE"]);
        s.Temperatures.Length.ShouldBe(9);
        s.Rails.ShouldBe([
            new JetsonRail("VDD_IN", 1606, 1606, ""),
            new JetsonRail("VDD_CPU", 114, 114, ""),
            new JetsonRail("VDD_GPU", 19, 19, ""),
        ]);
    }

    [Fact]
    public void Parse_RailsInWatts_ConvertsToMilliwatts()
    {
        var s = new TegrastatsParser().Parse("RAM 1/2MB VIN_SYS_5V0 3.25W/2.5W VDD_IN 1.5W/1500mW", "command");

        s.Rails.ShouldBe([new JetsonRail("VIN_SYS_5V0", 3250, 2500, "W"), new JetsonRail("VDD_IN", 1500, 1500, "W")]);
        s.Ram.ShouldBe(new JetsonMemory(MiB, 2 * MiB, null, null));
    }

    [Fact]
    public void Parse_MultiGpcClock_TakesTheFirstGpc()
    {
        var s = new TegrastatsParser().Parse("GR3D_FREQ 12%@[1300,1299]", "command");

        s.Engines.ShouldBe([new JetsonEngine("GR3D_FREQ", false, 12, 1300, null)]);
    }

    [Fact]
    public void Parse_OffCoresInsideList_KeepIndices()
    {
        var s = new TegrastatsParser().Parse("CPU [off,5%@1420,off,7%@1420]", "command");

        s.Cores.Select(c => (c.Index, c.Online, c.LoadPercent)).ShouldBe([(0, false, null), (1, true, 5.0), (2, false, null), (3, true, 7.0)]);
    }

    [Theory]
    [InlineData("FOO bar", new[] { "FOO", "bar" })]
    [InlineData("GR3D_FREQ 12%@", new[] { "GR3D_FREQ", "12%@" })]
    [InlineData("VDD_IN 12mW/xx", new[] { "VDD_IN", "12mW/xx" })]
    [InlineData("RAM 12/xxMB", new[] { "RAM", "12/xxMB" })]
    [InlineData("CPU [12%@,3%]", new[] { "CPU", "[12%@,3%]" })]
    [InlineData("RAM 1/2MB (lfb many)", new[] { "RAM", "1/2MB", "(lfb", "many)" })]
    [InlineData("MTS fg x%", new[] { "MTS", "fg", "x%" })]
    [InlineData("tj@hotC @1C", new[] { "tj@hotC", "@1C" })]
    [InlineData("GR3D_FREQ", new[] { "GR3D_FREQ" })]
    public void Parse_UnrecognisedTokens_KeptVerbatimNotGuessed(string line, string[] unknown)
    {
        var s = new TegrastatsParser().Parse(line, "command");

        s.Unknown.ShouldBe(unknown);
        s.Engines.ShouldBeEmpty();
        s.Rails.ShouldBeEmpty();
        s.Ram.ShouldBeNull();
    }

    [Fact]
    public void Parse_UnknownTokenBetweenKnownFields_KeepsBoth()
    {
        var s = new TegrastatsParser().Parse("RAM 1/2MB ??? GR3D_FREQ 5% tj@40C", "command");

        s.Unknown.ShouldBe(["???"]);
        s.Engines.ShouldBe([new JetsonEngine("GR3D_FREQ", false, 5, null, null)]);
        s.Temperatures.ShouldBe([new JetsonTemperature("tj", 40)]);
    }

    [Fact]
    public void Parse_EmptyLine_GivesEmptySection()
    {
        var s = new TegrastatsParser().Parse("", "command");

        s.Unknown.ShouldBeEmpty();
        s.Engines.ShouldBeEmpty();
        s.Ram.ShouldBeNull();
        s.LineTime.ShouldBeNull();
    }

    [Fact]
    public void Parse_MoreEnginesThanTheLimit_KeepsTheRestAsUnknown()
    {
        var line = string.Join(' ', Enumerable.Range(0, TegrastatsParser.MaxItems + 2).Select(i => $"E{i} {i}%"));

        var s = new TegrastatsParser().Parse(line, "command");

        s.Engines.Length.ShouldBe(TegrastatsParser.MaxItems);
        s.Unknown.ShouldBe([$"E{TegrastatsParser.MaxItems}", $"{TegrastatsParser.MaxItems}%", $"E{TegrastatsParser.MaxItems + 1}", $"{TegrastatsParser.MaxItems + 1}%"]);
    }

    [Fact]
    public void Parse_SameParserTwice_ReusesNameStrings()
    {
        var parser = new TegrastatsParser();
        var line = TegraFixtures.Line("orin-nano-jp6.txt");

        var first = parser.Parse(line, "tegrastats");
        var second = parser.Parse(line, "tegrastats");

        ReferenceEquals(first.Engines[0].Name, second.Engines[0].Name).ShouldBeTrue();
        first.Engines.ShouldBe(second.Engines);
    }
}
