using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>One series' values over the open block, one slot per tick; <see cref="Column.Absent"/> where it had none.</summary>
internal sealed class SeriesColumn
{
    public long[] Values = [];

    /// <summary>The tick the series last got a value in; -1 while the column is not active in the block.</summary>
    public int LastTick = -1;

    public bool Active;

    public int SeriesId;

    public int CountPresent(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (Values[i] != Column.Absent)
            {
                count++;
            }
        }

        return count;
    }
}
