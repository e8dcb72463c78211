using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Parses /proc/[pid]/stat. The command name may hold spaces and parentheses, so it is whatever lies between the
/// first '(' and the last ')'; the numbered fields (proc(5)) are counted from there.
/// </summary>
internal static class ProcessStatParser
{
    public static bool TryParse(ReadOnlySpan<byte> content, out ProcessStat stat, out ReadOnlySpan<byte> comm)
    {
        stat = default;
        comm = default;
        var open = content.IndexOf((byte)'(');
        var close = content.LastIndexOf((byte)')');
        if (open < 0 || close < open)
        {
            return false;
        }

        var tokens = new AsciiTokens(content[(close + 1)..]);
        if (!tokens.TryNext(out var state) || state.Length != 1
            || !tokens.TryNextLong(out var parent) // 4 ppid
            || !tokens.Skip(9) // 5 pgrp .. 13 cmajflt
            || !tokens.TryNextLong(out var utime)
            || !tokens.TryNextLong(out var stime)
            || !tokens.Skip(4) // 16 cutime, 17 cstime, 18 priority, 19 nice
            || !tokens.TryNextLong(out var threads)
            || !tokens.Skip(1) // 21 itrealvalue
            || !tokens.TryNextLong(out var startTime)
            || !tokens.Skip(1) // 23 vsize
            || !tokens.TryNextLong(out var rssPages))
        {
            return false;
        }

        if (utime < 0 || stime < 0 || startTime < 0 || threads is < 0 or > int.MaxValue || parent is < 0 or > int.MaxValue)
        {
            return false;
        }

        comm = content[(open + 1)..close];
        stat = new ProcessStat((char)state[0], utime + stime, (int)threads, startTime, Math.Max(rssPages, 0), (int)parent);
        return true;
    }
}
