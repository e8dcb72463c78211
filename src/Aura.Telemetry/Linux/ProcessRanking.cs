namespace Aura.Telemetry.Linux;

/// <summary>
/// The top-k order: CPU % first (a first sighting, with no CPU % yet, counts as 0), then RSS, then the lower pid,
/// so the order is total and the same input always gives the same list.
/// </summary>
internal static class ProcessRanking
{
    public static bool Outranks(in ProcessCandidate a, in ProcessCandidate b)
    {
        var cpuA = a.CpuPercent ?? 0.0;
        var cpuB = b.CpuPercent ?? 0.0;
        if (cpuA != cpuB)
        {
            return cpuA > cpuB;
        }

        return a.Stat.RssPages != b.Stat.RssPages ? a.Stat.RssPages > b.Stat.RssPages : a.Pid < b.Pid;
    }

    /// <summary>
    /// Writes the indices of the best candidates not yet taken into <paramref name="top"/>, best first, and returns
    /// how many. An insertion into a short sorted list: most candidates lose to the last one and cost one comparison.
    /// </summary>
    public static int SelectTop(ReadOnlySpan<ProcessCandidate> candidates, Span<int> top)
    {
        var count = 0;
        for (var i = 0; i < candidates.Length && !top.IsEmpty; i++)
        {
            if (candidates[i].Taken || (count == top.Length && !Outranks(candidates[i], candidates[top[^1]])))
            {
                continue;
            }

            var at = count == top.Length ? count - 1 : count++;
            while (at > 0 && Outranks(candidates[i], candidates[top[at - 1]]))
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = i;
        }

        return count;
    }
}
