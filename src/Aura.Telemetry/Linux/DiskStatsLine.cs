using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// One line of /proc/diskstats: major, minor, name, then at least 10 counters (kernels since 4.18 and 5.5 append
/// discard and flush fields, which are not needed). Lines with fewer fields or a counter that is not a
/// non-negative integer are rejected.
/// </summary>
internal static class DiskStatsLine
{
    public static bool TryParse(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out DiskCounters counters)
    {
        counters = default;
        name = default;
        var tokens = new AsciiTokens(line);
        if (!tokens.TryNextLong(out _) || !tokens.TryNextLong(out _) || !tokens.TryNext(out name))
        {
            return false;
        }

        Span<long> fields = stackalloc long[10];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!tokens.TryNextLong(out fields[i]) || fields[i] < 0)
            {
                return false;
            }
        }

        // 1 reads completed, 3 sectors read, 5 writes completed, 7 sectors written, 10 ms spent doing I/O.
        counters = new DiskCounters(fields[0], fields[2], fields[4], fields[6], fields[9]);
        return true;
    }
}
