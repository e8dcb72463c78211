using System.Globalization;
using System.Text;

namespace Aura.Agent.Screen;

/// <summary>The one-paragraph summary a planner reads: whether the screen changed, how much, and where.</summary>
internal static class ScreenSummary
{
    public static string Describe(ReadOnlySpan<Region> regions, int width, int height, bool firstFrame, double share, string? text)
    {
        var summary = new StringBuilder();
        if (firstFrame)
        {
            summary.Append(CultureInfo.InvariantCulture, $"First frame: the whole {width}x{height} screen.");
        }
        else if (regions.IsEmpty)
        {
            summary.Append(CultureInfo.InvariantCulture, $"No change on the {width}x{height} screen.");
        }
        else
        {
            summary.Append(CultureInfo.InvariantCulture,
                $"{regions.Length} region{(regions.Length == 1 ? "" : "s")} changed ({share * 100:0.#}% of the {width}x{height} screen):");
            for (var i = 0; i < regions.Length; i++)
            {
                var r = regions[i];
                summary.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? " " : "; ")}{r.Width}x{r.Height} at ({r.X},{r.Y}) {Place(r, width, height)}");
            }

            summary.Append('.');
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            summary.Append(" Text there: \"").Append(text.ReplaceLineEndings(" ").Trim()).Append("\".");
        }

        return summary.ToString();
    }

    /// <summary>Where the region's centre lies, in thirds of the screen: "top left", "middle", "bottom right".</summary>
    public static string Place(Region region, int width, int height)
    {
        var cx = region.X + (region.Width / 2);
        var cy = region.Y + (region.Height / 2);
        var vertical = cy < height / 3 ? "top" : cy >= 2 * height / 3 ? "bottom" : "middle";
        var horizontal = cx < width / 3 ? "left" : cx >= 2 * width / 3 ? "right" : "centre";
        return (vertical, horizontal) switch
        {
            ("middle", "centre") => "centre",
            ("middle", _) => horizontal,
            (_, "centre") => vertical,
            _ => $"{vertical} {horizontal}",
        };
    }
}
