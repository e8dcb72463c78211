namespace Aura.Agent.Screen;

/// <summary>Turns a diff's last result into AuraOS's report shape.</summary>
internal static class DiffReports
{
    public static DiffReport From(GridDiff diff, string? text)
    {
        var regions = diff.Regions;
        var list = new RegionJson[regions.Length];
        for (var i = 0; i < regions.Length; i++)
        {
            list[i] = new RegionJson(regions[i].X, regions[i].Y, regions[i].Width, regions[i].Height);
        }

        return new DiffReport
        {
            ChangedRegions = list,
            IsFirstFrame = diff.IsFirstFrame,
            ScreenWidth = diff.Width,
            ScreenHeight = diff.Height,
            ChangedShare = Math.Round(diff.ChangedShare, 4),
            Summary = ScreenSummary.Describe(regions, diff.Width, diff.Height, diff.IsFirstFrame, diff.ChangedShare, text),
            Text = text,
        };
    }
}
