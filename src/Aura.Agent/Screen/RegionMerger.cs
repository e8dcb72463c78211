namespace Aura.Agent.Screen;

/// <summary>
/// Merges regions in place until no two are within the margin (AuraOS merged in one greedy pass, leaving neighbours
/// apart), then, over the cap, joins the pair whose union adds the least area until the cap holds, so no change is
/// dropped.
/// </summary>
internal static class RegionMerger
{
    public static int Merge(Span<Region> regions, int count, int margin, int maxRegions)
    {
        count = MergeNeighbours(regions, count, margin);
        while (count > maxRegions)
        {
            count = MergeCheapestPair(regions, count);
            count = MergeNeighbours(regions, count, margin);
        }

        return count;
    }

    private static int MergeNeighbours(Span<Region> regions, int count, int margin)
    {
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    if (regions[i].IsWithin(regions[j], margin))
                    {
                        regions[i] = Region.Union(regions[i], regions[j]);
                        regions[j] = regions[--count];
                        j = i; // the grown region may now reach ones already passed
                        merged = true;
                    }
                }
            }
        }

        return count;
    }

    private static int MergeCheapestPair(Span<Region> regions, int count)
    {
        var (bestI, bestJ, bestCost) = (0, 1, long.MaxValue);
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                var cost = Region.Union(regions[i], regions[j]).Area - regions[i].Area - regions[j].Area;
                if (cost < bestCost)
                {
                    (bestI, bestJ, bestCost) = (i, j, cost);
                }
            }
        }

        regions[bestI] = Region.Union(regions[bestI], regions[bestJ]);
        regions[bestJ] = regions[--count];
        return count;
    }
}
