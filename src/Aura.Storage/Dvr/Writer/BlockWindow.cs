using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Rollups;

namespace Aura.Storage.Dvr.Writer;

/// <summary>
/// When a block ends. Blocks cover aligned windows (an hour by default), so they end on minute boundaries and a
/// minute bucket never straddles two blocks; a block that reaches its tick cap also ends, at the next minute.
/// </summary>
internal static class BlockWindow
{
    public static long EndOf(long timeMs, long spanMs) => timeMs - Bucket.Mod(timeMs, spanMs) + spanMs;

    public static bool MustSeal(OpenBlock block, long timeMs, int maxTicks) =>
        timeMs >= block.WindowEndMs
        || (block.TickCount >= maxTicks && Minute(timeMs) != Minute(block.LastMs));

    private static long Minute(long timeMs) => (timeMs - Bucket.Mod(timeMs, BlockSealer.MinuteMs)) / BlockSealer.MinuteMs;
}
