using System.Buffers.Text;

namespace Aura.Telemetry.Linux;

/// <summary>
/// The kernel's cpulist format ("0-3,8,10-11\n"), as in /sys/devices/system/cpu/{online,present}.
/// An empty list is valid (the offline file of a machine with every CPU online).
/// </summary>
internal static class CpuRangeList
{
    /// <summary>NR_CPUS at its largest (x86 with MAXSMP); a larger id is garbage, not a CPU.</summary>
    public const int MaxCpus = 8192;

    /// <summary>Checks the whole list; <paramref name="highest"/> is the largest id, -1 for an empty list.</summary>
    public static bool TryGetHighest(ReadOnlySpan<byte> text, int limit, out int highest)
    {
        highest = -1;
        var rest = text.TrimEnd(" \t\r\n"u8);
        while (!rest.IsEmpty)
        {
            if (!TryNextRange(ref rest, limit, out _, out var last))
            {
                highest = -1;
                return false;
            }

            highest = Math.Max(highest, last);
        }

        return true;
    }

    /// <summary>How many ids the list names; false when it is not a valid list.</summary>
    public static bool TryCount(ReadOnlySpan<byte> text, int limit, out int count)
    {
        count = 0;
        var rest = text.TrimEnd(" \t\r\n"u8);
        while (!rest.IsEmpty)
        {
            if (!TryNextRange(ref rest, limit, out var first, out var last))
            {
                count = 0;
                return false;
            }

            count += last - first + 1;
        }

        return true;
    }

    /// <summary>Sets <c>into[id]</c> for every id in a list that <see cref="TryGetHighest"/> accepted.</summary>
    public static void Mark(ReadOnlySpan<byte> text, Span<bool> into)
    {
        var rest = text.TrimEnd(" \t\r\n"u8);
        while (!rest.IsEmpty && TryNextRange(ref rest, into.Length, out var first, out var last))
        {
            into[first..(last + 1)].Fill(true);
        }
    }

    private static bool TryNextRange(ref ReadOnlySpan<byte> rest, int limit, out int first, out int last)
    {
        var comma = rest.IndexOf((byte)',');
        var part = comma < 0 ? rest : rest[..comma];
        rest = comma < 0 ? default : rest[(comma + 1)..];
        var dash = part.IndexOf((byte)'-');
        if (dash < 0)
        {
            var single = TryParseId(part, out first);
            last = first;
            return single && last < limit;
        }

        return TryParseId(part[..dash], out first) & TryParseId(part[(dash + 1)..], out last)
            && first <= last && last < limit;
    }

    /// <summary>Plain digits only: no sign, no spaces.</summary>
    private static bool TryParseId(ReadOnlySpan<byte> token, out int id)
    {
        id = 0;
        return !token.IsEmpty && char.IsAsciiDigit((char)token[0])
            && Utf8Parser.TryParse(token, out id, out var used) && used == token.Length;
    }
}
