namespace Aura.Tui.Render;

/// <summary>A grid of cells that a frame is drawn into; writes outside the grid are clipped, never an error.</summary>
internal sealed class ScreenBuffer
{
    private Cell[] _cells;

    public ScreenBuffer(int width, int height)
    {
        Width = Math.Max(1, width);
        Height = Math.Max(1, height);
        _cells = new Cell[Width * Height];
        Clear();
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public Cell this[int x, int y] => _cells[(y * Width) + x];

    public void Resize(int width, int height)
    {
        Width = Math.Max(1, width);
        Height = Math.Max(1, height);
        if (_cells.Length != Width * Height)
        {
            _cells = new Cell[Width * Height];
        }

        Clear();
    }

    public void Clear() => Array.Fill(_cells, Cell.Blank);

    public void Set(int x, int y, char glyph, int foreground, int background = Cell.Default, CellAttributes attributes = CellAttributes.None)
    {
        if ((uint)x < (uint)Width && (uint)y < (uint)Height)
        {
            _cells[(y * Width) + x] = new Cell(glyph, foreground, background, attributes);
        }
    }

    /// <summary>Writes text from (x, y), stopping at <paramref name="maxWidth"/> cells or the right edge; returns the column after it.</summary>
    public int Text(int x, int y, ReadOnlySpan<char> text, int foreground, int background = Cell.Default, CellAttributes attributes = CellAttributes.None, int maxWidth = int.MaxValue)
    {
        var limit = (int)Math.Min(Width, (long)x + Math.Max(0, maxWidth));
        foreach (var c in text)
        {
            if (x >= limit)
            {
                break;
            }

            Set(x++, y, char.IsControl(c) ? '?' : c, foreground, background, attributes);
        }

        return x;
    }

    public void Fill(int x, int y, int width, int foreground, int background, CellAttributes attributes = CellAttributes.None)
    {
        for (var i = 0; i < width; i++)
        {
            Set(x + i, y, ' ', foreground, background, attributes);
        }
    }

    /// <summary>Restyles cells that are already drawn (the selected row), keeping their glyphs.</summary>
    public void Highlight(int y, int background, CellAttributes attributes)
    {
        if ((uint)y >= (uint)Height)
        {
            return;
        }

        for (var x = 0; x < Width; x++)
        {
            ref var cell = ref _cells[(y * Width) + x];
            cell = cell with { Background = background, Attributes = cell.Attributes | attributes };
        }
    }

    /// <summary>The grid as plain text, one line a row (for tests and the README screenshot).</summary>
    public string ToText()
    {
        var builder = new System.Text.StringBuilder(Width * Height + Height);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                builder.Append(this[x, y].Glyph);
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
