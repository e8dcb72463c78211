using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Reader;

/// <summary>One <c>head</c> row, decoded once and kept by the reader until a seal deletes it.</summary>
internal sealed class HeadRow
{
    private readonly Dictionary<int, long[]> _values = [];

    public HeadRow(long seq, long blockStart, byte[] data)
    {
        Seq = seq;
        BlockStart = blockStart;
        Data = data;
        var batch = new HeadBatch();
        batch.Load(data);
        Times = batch.Times.ToArray();
    }

    public long Seq { get; }

    public long BlockStart { get; }

    public byte[] Data { get; }

    public long[] Times { get; }

    /// <summary>The series' value per tick of this row (<see cref="Column.Absent"/> where it had none), decoded once.</summary>
    public long[] ValuesOf(int seriesId)
    {
        if (!_values.TryGetValue(seriesId, out var values))
        {
            values = new long[Times.Length];
            var batch = new HeadBatch();
            batch.Load(Data);
            var sections = batch.Sections();
            if (sections.TryFind(seriesId, out var section))
            {
                HeadBatch.DecodeValues(section, values);
            }
            else
            {
                values.AsSpan().Fill(Column.Absent);
            }

            _values[seriesId] = values;
        }

        return values;
    }

    public IEnumerable<int> SeriesIds()
    {
        var ids = new List<int>();
        var batch = new HeadBatch();
        batch.Load(Data);
        var sections = batch.Sections();
        while (sections.MoveNext())
        {
            ids.Add(sections.Id);
        }

        return ids;
    }

    public ReadOnlySpan<byte> ProcessBytes()
    {
        var batch = new HeadBatch();
        batch.Load(Data);
        return batch.ProcessBytes;
    }
}
