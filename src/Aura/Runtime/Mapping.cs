using System.Globalization;

namespace Aura.Runtime;

/// <summary>One mapping's header line in /proc/self/smaps: <c>start-end perms offset dev inode path</c>.</summary>
internal sealed record Mapping(ulong Start, ulong End, bool Writable, bool Private, string Path)
{
    /// <summary>The mapping a header line describes, or null for any other line (the fields under a header).</summary>
    public static Mapping? Parse(string line)
    {
        var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 5 || parts[1].Length != 4)
        {
            return null;
        }

        var dash = parts[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
        {
            return null;
        }

        if (!ulong.TryParse(parts[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(parts[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
        {
            return null;
        }

        return new Mapping(start, end, parts[1][1] == 'w', parts[1][3] == 'p', parts.Length == 6 ? parts[5].Trim() : "");
    }
}
