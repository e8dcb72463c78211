using System.Buffers;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// One series as a byte stream, one varint per tick: 0 where the series had no value, else the zig-zagged change from
/// its previous value plus one. About a byte per sample in memory instead of eight. The stream holds the ticks since
/// the block's last flush, which are the head row's section as they stand; a flush hands them to the head table and
/// empties the stream, so a live block keeps seconds of values in memory, not its hour.
/// </summary>
internal sealed class SeriesColumn(ArrayPool<byte>? pool = null) : IDisposable
{
    public ByteWriter Stream { get; } = new(256, pool);

    public int SeriesId { get; private set; }

    public bool Active { get; private set; }

    /// <summary>The tick the series last got a value in.</summary>
    public int LastTick { get; private set; } = -1;

    /// <summary>The last value stored (0 before the first), which the next one is a change from.</summary>
    public long LastValue { get; private set; }

    /// <summary>The value the stream continues from: the last one the head table already has (0 before the first).</summary>
    public long FlushedValue { get; private set; }

    /// <summary>Values stored, and how many of them the head table already has.</summary>
    public int Present { get; private set; }

    public int FlushedPresent { get; private set; }

    private int _tickStart;
    private long _valueBefore;

    /// <summary>Starts the series at <paramref name="tick"/>: absent (a zero byte each) in the block's unflushed ticks before it.</summary>
    public void Activate(int seriesId, int tick, int flushedTicks)
    {
        var absent = tick - Math.Min(flushedTicks, tick);
        Stream.Clear();
        Stream.GetSpan(absent)[..absent].Clear();
        Stream.Advance(absent);
        SeriesId = seriesId;
        Active = true;
        LastTick = -1;
        LastValue = 0;
        Present = 0;
        FlushedPresent = 0;
        FlushedValue = 0;
    }

    public void Deactivate() => Active = false;

    public void Set(int tick, long units)
    {
        if (LastTick == tick)
        {
            // A second value for the same tick replaces the first.
            Stream.Truncate(_tickStart);
            LastValue = _valueBefore;
            Present--;
        }

        _tickStart = Stream.Length;
        _valueBefore = LastValue;
        Stream.WriteVarUInt(VarInt.ZigZag(units - LastValue) + 1);
        LastValue = units;
        LastTick = tick;
        Present++;
    }

    public void Skip() => Stream.WriteByte(0);

    /// <summary>The head table now has everything stored: the stream starts again from the last value.</summary>
    public void MarkFlushed()
    {
        Stream.Clear();
        FlushedValue = LastValue;
        FlushedPresent = Present;
    }

    /// <summary>Decodes the whole block (one never flushed), one slot per tick.</summary>
    public void Decode(Span<long> destination) => Decode(Stream.WrittenSpan, 0, destination);

    /// <summary>Decodes a stream (or a head section's slice of one) that continues from <paramref name="previous"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> stream, long previous, Span<long> destination)
    {
        var reader = new ByteReader(stream);
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

    public void Dispose() => Stream.Dispose();
}
