namespace Aura.Tui.Data;

/// <summary>The last values of one live figure, for sparklines: a fixed ring, oldest first when copied out.</summary>
internal sealed class SeriesRing(int capacity = 400)
{
    private readonly double[] _values = new double[capacity];
    private int _count;
    private int _next;

    public int Count => _count;

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        _count = Math.Min(_count + 1, _values.Length);
    }

    /// <summary>Copies the newest values into <paramref name="destination"/> (oldest first); returns how many.</summary>
    public int CopyLatest(Span<double> destination)
    {
        var take = Math.Min(_count, destination.Length);
        for (var i = 0; i < take; i++)
        {
            var index = (_next - take + i + _values.Length) % _values.Length;
            destination[i] = _values[index];
        }

        return take;
    }
}
