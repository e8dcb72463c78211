namespace Aura.Storage.Dvr.Codecs;

/// <summary>Decodes what <see cref="ColumnEncoder"/> wrote. Reused across chunks; not thread-safe.</summary>
internal sealed class ColumnDecoder
{
    private readonly IntegerModel _model = new();

    /// <summary>Fills <paramref name="destination"/> (one slot per tick) and returns how many values were present.</summary>
    public int Decode(ReadOnlySpan<byte> data, Span<long> destination)
    {
        var reader = new ByteReader(data);
        var flags = reader.ReadByte();
        var mode = (ColumnMode)(flags >> 1);
        var present = destination.Length;
        if ((flags & 1) != 0)
        {
            present = ReadRuns(ref reader, destination);
        }

        if (present == 0)
        {
            return 0;
        }

        var first = reader.ReadVarInt();
        if (mode == ColumnMode.Constant)
        {
            Fill(destination, first, present);
            return present;
        }

        if (mode is not ColumnMode.Delta and not ColumnMode.DeltaOfDelta)
        {
            throw new InvalidDataException($"Unknown column mode {(int)mode}.");
        }

        _model.Reset();
        var decoder = new RangeDecoder(reader.Remaining);
        var previous = first;
        long previousDelta = 0;
        var seenFirst = false;
        for (var i = 0; i < destination.Length; i++)
        {
            if (present != destination.Length && destination[i] == Column.Absent)
            {
                continue;
            }

            if (!seenFirst)
            {
                seenFirst = true;
                destination[i] = first;
                continue;
            }

            var residual = VarInt.UnZigZag(_model.Decode(ref decoder));
            var delta = mode == ColumnMode.Delta ? residual : unchecked(previousDelta + residual);
            previous = unchecked(previous + delta);
            previousDelta = delta;
            destination[i] = previous;
        }

        return present;
    }

    private static int ReadRuns(ref ByteReader reader, Span<long> destination)
    {
        var runs = reader.ReadLength();
        var position = 0;
        var present = 0;
        for (var run = 0; run < runs; run++)
        {
            var length = reader.ReadLength();
            if (length > destination.Length - position)
            {
                throw new InvalidDataException("Presence runs are longer than the block.");
            }

            var isPresent = (run & 1) == 1;
            destination.Slice(position, length).Fill(isPresent ? 0 : Column.Absent);
            position += length;
            if (isPresent)
            {
                present += length;
            }
        }

        if (position != destination.Length)
        {
            throw new InvalidDataException("Presence runs do not cover the block.");
        }

        return present;
    }

    private static void Fill(Span<long> destination, long value, int present)
    {
        if (present == destination.Length)
        {
            destination.Fill(value);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            if (destination[i] != Column.Absent)
            {
                destination[i] = value;
            }
        }
    }
}
