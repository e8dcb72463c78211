using Aura.Tui.Render;

namespace Aura.Tui.Views;

/// <summary>What every view draws with, and where it records the areas a mouse click can hit.</summary>
internal sealed class DrawContext(ScreenBuffer screen, Theme theme, GraphStyle graphs)
{
    public ScreenBuffer Screen => screen;

    public Theme Theme => theme;

    public GraphStyle Graphs => graphs;

    public int Width => screen.Width;

    public List<HitZone> Hits { get; } = [];

    public int Text(int x, int y, string text, int color, CellAttributes attributes = CellAttributes.None, int maxWidth = int.MaxValue) =>
        screen.Text(x, y, text, color, Cell.Default, attributes, maxWidth);

    /// <summary>A label, a gauge and its figure on one row; returns the column after it.</summary>
    public int Gauge(int x, int y, string label, int labelWidth, int gaugeWidth, double ratio, string figure)
    {
        Text(x, y, label, theme.Accent, CellAttributes.None, labelWidth);
        Render.Graphs.Gauge(screen, x + labelWidth, y, gaugeWidth, ratio, graphs, theme);
        return Text(x + labelWidth + gaugeWidth + 1, y, figure, theme.Text);
    }

    /// <summary>Writes items one after another, wrapping onto new rows; returns the rows used (at most <paramref name="maxRows"/>).</summary>
    public int Flow(int x, int y, int width, int maxRows, string label, IEnumerable<(string Text, int Color)> items)
    {
        if (maxRows <= 0)
        {
            return 0;
        }

        Text(x, y, label, theme.Accent);
        var start = x + label.Length + 1;
        var column = start;
        var row = 0;
        foreach (var (text, color) in items)
        {
            if (column + text.Length > x + width && column > start)
            {
                if (++row >= maxRows)
                {
                    return row;
                }

                column = start;
            }

            Text(column, y + row, text, color, CellAttributes.None, x + width - column);
            column += text.Length + 2;
        }

        return row + 1;
    }
}
