namespace Aura.Tui.Render;

/// <summary>Gauges and sparklines drawn into a <see cref="ScreenBuffer"/>, in braille, eighth blocks or ASCII.</summary>
internal static class Graphs
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";
    private const string AsciiLevels = " .:-=+*#";

    // Braille dots filled from the bottom up: left column 7,3,2,1; right column 8,6,5,4.
    private static readonly int[] LeftDots = [0, 0x40, 0x44, 0x46, 0x47];
    private static readonly int[] RightDots = [0, 0x80, 0xA0, 0xB0, 0xB8];

    /// <summary>
    /// A sparkline of ratios (0–1), newest at the right, <paramref name="height"/> rows tall from (x, y). Braille packs
    /// two samples a cell; blocks and ASCII one. NaN is a gap.
    /// </summary>
    public static void Sparkline(ScreenBuffer screen, int x, int y, int width, int height, ReadOnlySpan<double> values, GraphStyle style, Theme theme)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        var perCell = style == GraphStyle.Braille ? 2 : 1;
        var take = Math.Min(values.Length, width * perCell);
        var samples = values[^take..];
        var firstCell = width - ((take + perCell - 1) / perCell);
        for (var cell = 0; cell < width - firstCell; cell++)
        {
            var left = Sample(samples, (cell * perCell) - ((perCell * (width - firstCell)) - take));
            var right = perCell == 2 ? Sample(samples, (cell * 2) + 1 - ((2 * (width - firstCell)) - take)) : double.NaN;
            var peak = Math.Max(double.IsNaN(left) ? 0 : left, double.IsNaN(right) ? 0 : right);
            var color = theme.Level(peak);
            for (var row = 0; row < height; row++)
            {
                var fromBottom = height - 1 - row;
                var glyph = style switch
                {
                    GraphStyle.Braille => BrailleGlyph(left, right, fromBottom, height),
                    GraphStyle.Block => Level(Blocks, left, fromBottom, height),
                    _ => Level(AsciiLevels, left, fromBottom, height),
                };
                screen.Set(x + firstCell + cell, y + row, glyph, color);
            }
        }
    }

    /// <summary>A horizontal gauge: filled share of <paramref name="width"/> cells, coloured by level.</summary>
    public static void Gauge(ScreenBuffer screen, int x, int y, int width, double ratio, GraphStyle style, Theme theme)
    {
        if (width <= 0)
        {
            return;
        }

        var clamped = double.IsNaN(ratio) ? 0 : Math.Clamp(ratio, 0, 1);
        var eighths = (int)Math.Round(clamped * width * 8);
        var color = theme.Level(clamped);
        for (var i = 0; i < width; i++)
        {
            var fill = Math.Clamp(eighths - (i * 8), 0, 8);
            char glyph;
            if (style == GraphStyle.Ascii)
            {
                glyph = fill >= 4 ? '|' : ' ';
            }
            else
            {
                glyph = fill == 8 ? '█' : fill == 0 ? ' ' : "▏▎▍▌▋▊▉"[fill - 1];
            }

            screen.Set(x + i, y, glyph, color, theme.BarBackground);
        }
    }

    private static double Sample(ReadOnlySpan<double> samples, int index) =>
        (uint)index < (uint)samples.Length ? samples[index] : double.NaN;

    private static char BrailleGlyph(double left, double right, int row, int height)
    {
        var bits = LeftDots[Dots(left, row, height)] | RightDots[Dots(right, row, height)];
        return (char)(0x2800 + bits);
    }

    /// <summary>How many of the 4 dots in this row a value fills (rows counted from the bottom).</summary>
    private static int Dots(double value, int row, int height)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        var total = (int)Math.Round(Math.Clamp(value, 0, 1) * height * 4);
        if (total == 0 && value > 0)
        {
            total = 1;
        }

        return Math.Clamp(total - (row * 4), 0, 4);
    }

    private static char Level(string levels, double value, int row, int height)
    {
        if (double.IsNaN(value))
        {
            return ' ';
        }

        var steps = levels.Length - 1;
        var total = (int)Math.Round(Math.Clamp(value, 0, 1) * height * steps);
        if (total == 0 && value > 0)
        {
            total = 1;
        }

        return levels[Math.Clamp(total - (row * steps), 0, steps)];
    }
}
