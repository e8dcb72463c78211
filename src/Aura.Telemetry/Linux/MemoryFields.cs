using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>The /proc/meminfo lines the memory section needs, in bytes; null where a line was missing or unparseable.</summary>
internal readonly record struct MemoryFields(
    long? Total,
    long? Free,
    long? Available,
    long? Buffers,
    long? Cached,
    long? SReclaimable,
    long? SwapTotal,
    long? SwapFree)
{
    private const long BytesPerKilobyte = 1024;

    public static MemoryFields Parse(ReadOnlySpan<byte> content)
    {
        long? total = null, free = null, available = null, buffers = null;
        long? cached = null, reclaimable = null, swapTotal = null, swapFree = null;
        foreach (var line in new AsciiLines(content))
        {
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !TryParseBytes(line[(colon + 1)..], out var bytes))
            {
                continue;
            }

            var key = line[..colon];
            if (key.SequenceEqual("MemTotal"u8)) total = bytes;
            else if (key.SequenceEqual("MemFree"u8)) free = bytes;
            else if (key.SequenceEqual("MemAvailable"u8)) available = bytes;
            else if (key.SequenceEqual("Buffers"u8)) buffers = bytes;
            else if (key.SequenceEqual("Cached"u8)) cached = bytes;
            else if (key.SequenceEqual("SReclaimable"u8)) reclaimable = bytes;
            else if (key.SequenceEqual("SwapTotal"u8)) swapTotal = bytes;
            else if (key.SequenceEqual("SwapFree"u8)) swapFree = bytes;
        }

        return new MemoryFields(total, free, available, buffers, cached, reclaimable, swapTotal, swapFree);
    }

    /// <summary>
    /// Total, available and used come together or not at all (zeros), and so do the two swap figures: a used
    /// figure made up from a missing input would be a lie. Cache and buffers are reported as far as they parsed.
    /// </summary>
    public MemorySection ToSection()
    {
        // MemAvailable exists since Linux 3.14; before it, free + buffers + page cache is the usual estimate
        // (it ignores that not all page cache can be dropped, so it errs on the generous side).
        var available = Available ?? (Free is { } free ? free + Buffers.GetValueOrDefault() + Cached.GetValueOrDefault() : null);
        long total = 0;
        long availableBytes = 0;
        if (Total is { } memTotal && available is { } memAvailable)
        {
            total = memTotal;
            availableBytes = Math.Clamp(memAvailable, 0, memTotal);
        }

        long swapTotal = 0;
        long swapUsed = 0;
        if (SwapTotal is { } swap && SwapFree is { } swapFree)
        {
            swapTotal = swap;
            swapUsed = Math.Clamp(swap - swapFree, 0, swap);
        }

        // "Cached" as free(1) and psutil show it: the page cache plus reclaimable slab (dentries, inodes), which the
        // kernel hands back under pressure just like cache. Buffers stay separate; free's buff/cache is their sum.
        var cached = Cached.GetValueOrDefault() + SReclaimable.GetValueOrDefault();
        return new MemorySection(total, availableBytes, total - availableBytes, cached, Buffers.GetValueOrDefault(), swapTotal, swapUsed);
    }

    /// <summary>"   24684084 kB": the unit is required, so a line cut inside its number is not taken for a small value.</summary>
    private static bool TryParseBytes(ReadOnlySpan<byte> value, out long bytes)
    {
        bytes = 0;
        var tokens = new AsciiTokens(value);
        if (!tokens.TryNextLong(out var kilobytes) || kilobytes < 0 || kilobytes > long.MaxValue / BytesPerKilobyte
            || !tokens.TryNext(out var unit) || !unit.SequenceEqual("kB"u8))
        {
            return false;
        }

        bytes = kilobytes * BytesPerKilobyte;
        return true;
    }
}
