namespace Aura.Tui.Render;

/// <summary>Maps 24-bit colours onto the xterm 256-colour cube and the 16 basic ANSI colours.</summary>
internal static class Palette
{
    private static readonly int[] Basic =
    [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ];

    public static int To256(int r, int g, int b)
    {
        if (r == g && g == b)
        {
            // The 24-step grey ramp is finer than the cube's greys.
            return r < 8 ? 16 : r > 238 ? 231 : 232 + ((r - 8) / 10);
        }

        return 16 + (36 * Level(r)) + (6 * Level(g)) + Level(b);

        static int Level(int v) => v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40;
    }

    public static int To16(int r, int g, int b)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < Basic.Length; i++)
        {
            var dr = r - ((Basic[i] >> 16) & 0xFF);
            var dg = g - ((Basic[i] >> 8) & 0xFF);
            var db = b - (Basic[i] & 0xFF);
            var distance = (dr * dr) + (dg * dg) + (db * db);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }
}
