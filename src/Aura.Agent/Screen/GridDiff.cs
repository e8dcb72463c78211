using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Aura.Agent.Screen;

/// <summary>
/// AuraOS's grid diff: the screen in cells, each cell's mean RGB, a cell changed when the L2 distance to the same cell
/// of the previous frame exceeds the threshold, changed cells merged into at most a few regions. Each frame is compared
/// with the previous frame's grid (AuraOS recomputed the old one). The first frame is one full-screen region. All
/// buffers are made once for the screen size: a frame allocates nothing.
/// </summary>
internal sealed class GridDiff
{
    private readonly DiffSettings _settings;
    private readonly int _columns;
    private readonly int _rows;
    private readonly Region[] _regions;
    private float[] _previous;
    private float[] _current;
    private bool _hasPrevious;

    public GridDiff(int width, int height, DiffSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.CellSize, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxRegions, 1);
        Width = width;
        Height = height;
        _settings = settings;
        _columns = (width + settings.CellSize - 1) / settings.CellSize;
        _rows = (height + settings.CellSize - 1) / settings.CellSize;
        _previous = new float[_columns * _rows * 3];
        _current = new float[_columns * _rows * 3];
        _regions = new Region[_columns * _rows];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The regions the last <see cref="Compare"/> found; valid until the next call.</summary>
    public ReadOnlySpan<Region> Regions => _regions.AsSpan(0, RegionCount);

    public int RegionCount { get; private set; }

    /// <summary>Changed cells' area over the screen's, 0 to 1 (1 for the first frame).</summary>
    public double ChangedShare { get; private set; }

    public bool IsFirstFrame { get; private set; }

    /// <summary>Forget the previous frame: the next one is a first frame again.</summary>
    public void Reset() => _hasPrevious = false;

    public void Compare(ScreenFrame frame)
    {
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new AgentException($"the screen changed size from {Width}x{Height} to {frame.Width}x{frame.Height}; start a new diff");
        }

        ComputeMeans(frame, _current);
        IsFirstFrame = !_hasPrevious;
        if (IsFirstFrame)
        {
            _regions[0] = new Region(0, 0, Width, Height);
            RegionCount = 1;
            ChangedShare = 1;
        }
        else
        {
            FindChanges();
        }

        (_previous, _current) = (_current, _previous);
        _hasPrevious = true;
    }

    private void FindChanges()
    {
        var cell = _settings.CellSize;
        var limit = _settings.Threshold * _settings.Threshold;
        var count = 0;
        long changedArea = 0;
        for (var row = 0; row < _rows; row++)
        {
            for (var column = 0; column < _columns; column++)
            {
                var i = ((row * _columns) + column) * 3;
                var db = _current[i] - _previous[i];
                var dg = _current[i + 1] - _previous[i + 1];
                var dr = _current[i + 2] - _previous[i + 2];
                if ((db * db) + (dg * dg) + (dr * dr) > limit)
                {
                    var x = column * cell;
                    var y = row * cell;
                    var region = new Region(x, y, Math.Min(cell, Width - x), Math.Min(cell, Height - y));
                    _regions[count++] = region;
                    changedArea += region.Area;
                }
            }
        }

        ChangedShare = (double)changedArea / ((long)Width * Height);
        RegionCount = RegionMerger.Merge(_regions, count, _settings.MergeMargin, _settings.MaxRegions);
    }

    private void ComputeMeans(ScreenFrame frame, float[] means)
    {
        var cell = _settings.CellSize;
        for (var row = 0; row < _rows; row++)
        {
            var y0 = row * cell;
            var height = Math.Min(cell, Height - y0);
            for (var column = 0; column < _columns; column++)
            {
                var x0 = column * cell;
                var width = Math.Min(cell, Width - x0);
                var (b, g, r) = SumCell(frame, x0, y0, width, height);
                var pixels = (float)(width * height);
                var i = ((row * _columns) + column) * 3;
                means[i] = b / pixels;
                means[i + 1] = g / pixels;
                means[i + 2] = r / pixels;
            }
        }
    }

    private static (ulong B, ulong G, ulong R) SumCell(ScreenFrame frame, int x0, int y0, int width, int height)
    {
        ulong b = 0, g = 0, r = 0;
        var vectorPixels = Avx2.IsSupported ? width & ~7 : 0;
        var sumB = Vector256<ulong>.Zero;
        var sumG = Vector256<ulong>.Zero;
        var sumR = Vector256<ulong>.Zero;
        var maskB = Vector256.Create(0x000000FFu).AsByte();
        var maskG = Vector256.Create(0x0000FF00u).AsByte();
        var maskR = Vector256.Create(0x00FF0000u).AsByte();
        for (var y = y0; y < y0 + height; y++)
        {
            var line = frame.Pixels.Slice((y * frame.Stride) + (x0 * 4), width * 4);
            var x = 0;
            for (; x < vectorPixels; x += 8)
            {
                // psadbw against zero adds eight bytes; masking first keeps one channel per pass.
                var v = Vector256.Create(line.Slice(x * 4, 32));
                sumB += Avx2.SumAbsoluteDifferences(v & maskB, Vector256<byte>.Zero).AsUInt64();
                sumG += Avx2.SumAbsoluteDifferences(v & maskG, Vector256<byte>.Zero).AsUInt64();
                sumR += Avx2.SumAbsoluteDifferences(v & maskR, Vector256<byte>.Zero).AsUInt64();
            }

            for (; x < width; x++)
            {
                b += line[x * 4];
                g += line[(x * 4) + 1];
                r += line[(x * 4) + 2];
            }
        }

        return (b + Vector256.Sum(sumB), g + Vector256.Sum(sumG), r + Vector256.Sum(sumR));
    }
}
