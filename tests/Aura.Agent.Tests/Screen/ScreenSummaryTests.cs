using Aura.Agent.Screen;

namespace Aura.Agent.Tests.Screen;

public sealed class ScreenSummaryTests
{
    [Fact]
    public void Describe_RegionsAndText_NamesWhereAndWhat()
    {
        Region[] regions = [new Region(0, 0, 64, 64), new Region(1800, 1000, 64, 64)];

        var summary = ScreenSummary.Describe(regions, 1920, 1080, firstFrame: false, share: 0.004, text: "Save\nchanges?");

        summary.ShouldBe("2 regions changed (0.4% of the 1920x1080 screen): 64x64 at (0,0) top left; 64x64 at (1800,1000) bottom right. Text there: \"Save changes?\".");
    }

    [Fact]
    public void Describe_NoRegions_SaysNoChange()
    {
        ScreenSummary.Describe([], 800, 600, firstFrame: false, share: 0, text: null).ShouldBe("No change on the 800x600 screen.");
    }

    [Theory]
    [InlineData(900, 500, "centre")]
    [InlineData(900, 10, "top")]
    [InlineData(10, 500, "left")]
    public void Place_RegionCentre_NamedInThirds(int x, int y, string expected)
    {
        ScreenSummary.Place(new Region(x, y, 20, 20), 1920, 1080).ShouldBe(expected);
    }
}
