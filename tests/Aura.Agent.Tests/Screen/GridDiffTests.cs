using Aura.Agent.Screen;

namespace Aura.Agent.Tests.Screen;

public sealed class GridDiffTests
{
    [Fact]
    public void Compare_FirstFrame_IsOneFullScreenRegion()
    {
        var canvas = new Canvas(1920, 1080);
        var diff = new GridDiff(1920, 1080, DiffSettings.AuraOs);

        diff.Compare(canvas.Frame);

        diff.IsFirstFrame.ShouldBeTrue();
        diff.Regions.ToArray().ShouldBe([new Region(0, 0, 1920, 1080)]);
    }

    [Fact]
    public void Compare_UnchangedFrame_FindsNoRegion()
    {
        var canvas = new Canvas(640, 480).Fill(10, 10, 100, 100, 200, 50, 50);
        var diff = new GridDiff(640, 480, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);

        diff.Compare(canvas.Frame);

        diff.IsFirstFrame.ShouldBeFalse();
        diff.RegionCount.ShouldBe(0);
        diff.ChangedShare.ShouldBe(0);
    }

    [Fact]
    public void Compare_ChangeInsideOneCell_ReportsThatCell()
    {
        var canvas = new Canvas(640, 480);
        var diff = new GridDiff(640, 480, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);

        diff.Compare(canvas.Fill(130, 70, 40, 40, 255, 255, 255).Frame);

        diff.Regions.ToArray().ShouldBe([new Region(128, 64, 64, 64)]);
    }

    [Fact]
    public void Compare_ChangeBelowThreshold_IsIgnored()
    {
        var canvas = new Canvas(640, 480);
        var diff = new GridDiff(640, 480, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);

        // A mean shift of 10 per channel is an L2 distance of about 17, under AuraOS's 20.
        diff.Compare(canvas.Fill(0, 0, 64, 64, 10, 10, 10).Frame);

        diff.RegionCount.ShouldBe(0);
    }

    [Fact]
    public void Compare_SecondIdenticalChange_ComparesWithPreviousFrameNotFirst()
    {
        var canvas = new Canvas(640, 480);
        var diff = new GridDiff(640, 480, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);
        diff.Compare(canvas.Fill(0, 0, 64, 64, 255, 0, 0).Frame);

        diff.Compare(canvas.Frame);

        diff.RegionCount.ShouldBe(0);
    }

    [Fact]
    public void Compare_PartialEdgeCells_RegionStaysOnScreen()
    {
        var canvas = new Canvas(700, 500);
        var diff = new GridDiff(700, 500, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);

        diff.Compare(canvas.Fill(660, 460, 40, 40, 255, 255, 255).Frame);

        diff.Regions.ToArray().ShouldBe([new Region(640, 448, 60, 52)]);
    }

    [Fact]
    public void Compare_RegionThatGrowsIntoAnEarlierOne_MergesIntoOne()
    {
        // Found in row order: A (0,0), C (256,0), then B (128,64). A and C are too far apart; B is near both. One greedy
        // pass (AuraOS) joins A and B after it has passed C and leaves two regions; merging until nothing is within the
        // margin gives one.
        var canvas = new Canvas(1280, 256);
        var diff = new GridDiff(1280, 256, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);

        diff.Compare(canvas.Fill(0, 0, 64, 64, 255, 255, 255).Fill(256, 0, 64, 64, 255, 255, 255).Fill(128, 64, 64, 64, 255, 255, 255).Frame);

        diff.Regions.ToArray().ShouldBe([new Region(0, 0, 320, 128)]);
    }

    [Fact]
    public void Compare_FarApartChanges_StaySeparate()
    {
        var canvas = new Canvas(1280, 720);
        var diff = new GridDiff(1280, 720, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);

        diff.Compare(canvas.Fill(0, 0, 64, 64, 255, 255, 255).Fill(1216, 640, 64, 64, 255, 255, 255).Frame);

        diff.RegionCount.ShouldBe(2);
        diff.ChangedShare.ShouldBe(2.0 * 64 * 64 / (1280 * 720), 1e-9);
    }

    [Fact]
    public void Compare_MoreChangesThanTheCap_MergesDownToTenCoveringEveryChange()
    {
        var canvas = new Canvas(1920, 1080);
        var diff = new GridDiff(1920, 1080, DiffSettings.AuraOs);
        diff.Compare(canvas.Frame);
        var changed = new List<Region>();
        for (var row = 0; row < 1080 - 64; row += 256)
        {
            for (var column = 0; column < 1920 - 64; column += 256)
            {
                canvas.Fill(column, row, 64, 64, 255, 255, 255);
                changed.Add(new Region(column, row, 64, 64));
            }
        }

        diff.Compare(canvas.Frame);

        changed.Count.ShouldBeGreaterThan(10);
        diff.RegionCount.ShouldBe(10);
        var regions = diff.Regions.ToArray();
        foreach (var cell in changed)
        {
            regions.ShouldContain(r => r.X <= cell.X && r.Y <= cell.Y && r.Right >= cell.Right && r.Bottom >= cell.Bottom, $"{cell} is covered");
        }
    }

    [Fact]
    public void Compare_ScreenChangedSize_ThrowsNamingBothSizes()
    {
        var diff = new GridDiff(640, 480, DiffSettings.AuraOs);

        var error = Should.Throw<AgentException>(() => diff.Compare(new Canvas(800, 600).Frame));

        error.Message.ShouldContain("640x480");
        error.Message.ShouldContain("800x600");
    }
}
