using System.Globalization;
using System.Text;

namespace Aura.Tui.Render;

/// <summary>
/// Turns a drawn <see cref="ScreenBuffer"/> into terminal output, writing only the cells that changed since the last
/// frame (cursor moves skip unchanged runs), so a steady screen costs a few bytes a second even over SSH.
/// </summary>
internal sealed class FrameWriter(ColorMode colors)
{
    private readonly StringBuilder _out = new(16 * 1024);
    private Cell[] _shown = [];
    private int _width;
    private int _height;
    private byte[] _bytes = new byte[64 * 1024];

    /// <summary>Forget what the terminal shows (after a resize): the next frame is drawn in full.</summary>
    public void Invalidate() => _shown = [];

    /// <summary>The bytes that bring the terminal from the last frame to <paramref name="frame"/>; empty when nothing changed.</summary>
    public ReadOnlySpan<byte> Render(ScreenBuffer frame)
    {
        _out.Clear();
        var full = _shown.Length != frame.Width * frame.Height || _width != frame.Width || _height != frame.Height;
        if (full)
        {
            _width = frame.Width;
            _height = frame.Height;
            _shown = new Cell[_width * _height];
            _out.Append("\e[0m\e[2J");
        }

        var cursorX = -1;
        var cursorY = -1;
        Cell? pen = null;
        for (var y = 0; y < _height; y++)
        {
            for (var x = 0; x < _width; x++)
            {
                var cell = frame[x, y];
                ref var shown = ref _shown[(y * _width) + x];
                if (!full && shown == cell)
                {
                    continue;
                }

                if (cursorX != x || cursorY != y)
                {
                    _out.Append("\e[").Append(y + 1).Append(';').Append(x + 1).Append('H');
                }

                if (pen is not { } current || current.Foreground != cell.Foreground || current.Background != cell.Background || current.Attributes != cell.Attributes)
                {
                    AppendStyle(cell);
                    pen = cell;
                }

                _out.Append(cell.Glyph);
                shown = cell;
                cursorX = x + 1;
                cursorY = y;
            }
        }

        if (_out.Length == 0)
        {
            return [];
        }

        _out.Append("\e[0m");
        var needed = Encoding.UTF8.GetMaxByteCount(_out.Length);
        if (_bytes.Length < needed)
        {
            _bytes = new byte[needed];
        }

        var written = 0;
        foreach (var chunk in _out.GetChunks())
        {
            written += Encoding.UTF8.GetBytes(chunk.Span, _bytes.AsSpan(written));
        }

        return _bytes.AsSpan(0, written);
    }

    private void AppendStyle(Cell cell)
    {
        _out.Append("\e[0");
        if ((cell.Attributes & CellAttributes.Bold) != 0)
        {
            _out.Append(";1");
        }

        if ((cell.Attributes & CellAttributes.Underline) != 0)
        {
            _out.Append(";4");
        }

        if ((cell.Attributes & CellAttributes.Reverse) != 0)
        {
            _out.Append(";7");
        }

        if (colors != ColorMode.None)
        {
            AppendColor(cell.Foreground, foreground: true);
            AppendColor(cell.Background, foreground: false);
        }

        _out.Append('m');
    }

    private void AppendColor(int rgb, bool foreground)
    {
        if (rgb == Cell.Default)
        {
            return;
        }

        var r = (rgb >> 16) & 0xFF;
        var g = (rgb >> 8) & 0xFF;
        var b = rgb & 0xFF;
        switch (colors)
        {
            case ColorMode.TrueColor:
                _out.Append(foreground ? ";38;2;" : ";48;2;").Append(r).Append(';').Append(g).Append(';').Append(b);
                break;
            case ColorMode.Ansi256:
                _out.Append(foreground ? ";38;5;" : ";48;5;").Append(Palette.To256(r, g, b).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                var index = Palette.To16(r, g, b);
                var code = (index < 8 ? 30 + index : 90 + index - 8) + (foreground ? 0 : 10);
                _out.Append(';').Append(code);
                break;
        }
    }
}
