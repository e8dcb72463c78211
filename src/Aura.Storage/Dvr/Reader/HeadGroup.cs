using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Reader;

/// <summary>The head rows of one unsealed block, as a reader sees them inside its read transaction.</summary>
internal sealed class HeadGroup
{
    private readonly List<HeadRow> _rows = [];
    private long[] _times = [];
    private int _ticks;

    public HeadGroup(long blockStart) => BlockStart = blockStart;

    public long BlockStart { get; }

    public ReadOnlySpan<long> Times => _times.AsSpan(0, _ticks);

    public long FirstMs => _times[0];

    public long LastMs => _times[_ticks - 1];

    public void Add(HeadRow row)
    {
        _rows.Add(row);
        if (_times.Length < _ticks + row.Times.Length)
        {
            Array.Resize(ref _times, Math.Max(_ticks + row.Times.Length, _times.Length * 2));
        }

        row.Times.CopyTo(_times.AsSpan(_ticks));
        _ticks += row.Times.Length;
    }

    /// <summary>One slot per tick of the group; <see cref="Column.Absent"/> where the series had no value.</summary>
    public long[] ValuesOf(int seriesId)
    {
        var values = new long[_ticks];
        var offset = 0;
        foreach (var row in _rows)
        {
            row.ValuesOf(seriesId).CopyTo(values, offset);
            offset += row.Times.Length;
        }

        return values;
    }

    /// <summary>Every series in the group, each with one slot per tick.</summary>
    public Dictionary<int, long[]> AllValues()
    {
        var ids = new HashSet<int>();
        foreach (var row in _rows)
        {
            ids.UnionWith(row.SeriesIds());
        }

        var all = new Dictionary<int, long[]>(ids.Count);
        foreach (var id in ids)
        {
            all[id] = ValuesOf(id);
        }

        return all;
    }

    /// <summary>The block's process stream so far: the rows' process bytes back to back.</summary>
    public byte[] ProcessStream()
    {
        using var output = new ByteWriter(4096);
        foreach (var row in _rows)
        {
            output.WriteBytes(row.ProcessBytes());
        }

        return output.ToArray();
    }
}
