using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// One interface line of /proc/net/dev: <c>name: 8 receive counters 8 transmit counters</c>. The kernel pads the
/// name to six columns and prints the byte count right after the colon, so a large count touches it
/// (<c>eth0:123</c>); the name ends at the last colon because counters never contain one. The two header lines
/// have no colon and are rejected like any line whose first twelve counters are not all non-negative integers.
/// </summary>
internal static class NetworkDevLine
{
    public static bool TryParse(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out NetCounters counters)
    {
        counters = default;
        var colon = line.LastIndexOf((byte)':');
        name = colon < 0 ? default : line[..colon].Trim(" \t"u8);
        if (name.IsEmpty || name.IndexOfAny(" \t"u8) >= 0)
        {
            return false;
        }

        var tokens = new AsciiTokens(line[(colon + 1)..]);
        Span<long> fields = stackalloc long[12];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!tokens.TryNextLong(out fields[i]) || fields[i] < 0)
            {
                return false;
            }
        }

        // Receive: bytes packets errs drop fifo frame compressed multicast; transmit: bytes packets errs drop ...
        counters = new NetCounters(
            RxBytes: fields[0],
            TxBytes: fields[8],
            RxPackets: fields[1],
            TxPackets: fields[9],
            RxErrors: fields[2],
            TxErrors: fields[10],
            RxDrops: fields[3],
            TxDrops: fields[11]);
        return true;
    }
}
