using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>One decoded <c>head</c> row: its tick times, and its series sections and process bytes on demand.</summary>
internal sealed class HeadBatch
{
    private long[] _times = new long[64];
    private ReadOnlyMemory<byte> _data;
    private int _sectionsAt;
    private int _processesAt;
    private int _processesLength;

    public int Ticks { get; private set; }

    public ReadOnlySpan<long> Times => _times.AsSpan(0, Ticks);

    public ReadOnlySpan<byte> ProcessBytes => _data.Span.Slice(_processesAt, _processesLength);

    public void Load(ReadOnlyMemory<byte> data)
    {
        _data = data;
        var reader = new ByteReader(data.Span);
        Ticks = reader.ReadLength();
        if (_times.Length < Ticks)
        {
            _times = new long[Math.Max(Ticks, _times.Length * 2)];
        }

        var time = reader.ReadVarInt();
        for (var i = 0; i < Ticks; i++)
        {
            if (i > 0)
            {
                time += (long)reader.ReadVarUInt();
            }

            _times[i] = time;
        }

        _sectionsAt = reader.Position;
        _ = new SectionReader(ref reader);
        _processesLength = reader.ReadLength();
        _processesAt = reader.Position;
        reader.Skip(_processesLength);
    }

    public SectionReader Sections()
    {
        var reader = new ByteReader(_data.Span[_sectionsAt..]);
        return new SectionReader(ref reader);
    }

    /// <summary>Fills one slot per tick from a series section.</summary>
    public static void DecodeValues(ReadOnlySpan<byte> section, Span<long> destination)
    {
        var reader = new ByteReader(section);
        long previous = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            var value = reader.ReadVarUInt();
            if (value == 0)
            {
                destination[i] = Column.Absent;
                continue;
            }

            previous += VarInt.UnZigZag(value - 1);
            destination[i] = previous;
        }
    }
}
