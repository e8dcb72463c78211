using System.Numerics;

namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// Encodes a column: a flags byte (presence runs follow? residual mode), the runs, the first value, then the
/// residuals through the adaptive range coder. Reused across chunks; not thread-safe.
/// </summary>
internal sealed class ColumnEncoder
{
    private const byte HasGaps = 1;

    private readonly RangeEncoder _encoder = new();
    private readonly IntegerModel _model = new();

    public void Encode(ReadOnlySpan<long> values, ByteWriter output)
    {
        var present = 0;
        var first = Column.Absent;
        foreach (var value in values)
        {
            if (value != Column.Absent)
            {
                present++;
                if (first == Column.Absent)
                {
                    first = value;
                }
            }
        }

        var gaps = present != values.Length;
        var mode = present <= 1 ? ColumnMode.Constant : ChooseMode(values);
        output.WriteByte((byte)((gaps ? HasGaps : 0) | ((byte)mode << 1)));
        if (gaps)
        {
            WriteRuns(values, output);
        }

        if (present == 0)
        {
            return;
        }

        output.WriteVarInt(first);
        if (mode == ColumnMode.Constant)
        {
            return;
        }

        _model.Reset();
        _encoder.Start(output);
        long previous = first;
        long previousDelta = 0;
        var seenFirst = false;
        foreach (var value in values)
        {
            if (value == Column.Absent)
            {
                continue;
            }

            if (!seenFirst)
            {
                seenFirst = true;
                continue;
            }

            var delta = unchecked(value - previous);
            var residual = mode == ColumnMode.Delta ? delta : unchecked(delta - previousDelta);
            _model.Encode(_encoder, VarInt.ZigZag(residual));
            previous = value;
            previousDelta = delta;
        }

        _encoder.Finish();
    }

    private static ColumnMode ChooseMode(ReadOnlySpan<long> values)
    {
        long deltaBits = 0;
        long dodBits = 0;
        var allZero = true;
        var previous = Column.Absent;
        long previousDelta = 0;
        foreach (var value in values)
        {
            if (value == Column.Absent)
            {
                continue;
            }

            if (previous != Column.Absent)
            {
                var delta = unchecked(value - previous);
                allZero &= delta == 0;
                deltaBits += Cost(delta);
                dodBits += Cost(unchecked(delta - previousDelta));
                previousDelta = delta;
            }

            previous = value;
        }

        return allZero ? ColumnMode.Constant : dodBits < deltaBits ? ColumnMode.DeltaOfDelta : ColumnMode.Delta;
    }

    // Roughly what the model spends: a flag, the length, the bits under the leading one.
    private static int Cost(long residual)
    {
        var length = 64 - BitOperations.LeadingZeroCount(VarInt.ZigZag(residual));
        return length == 0 ? 0 : 2 + (2 * length);
    }

    private static void WriteRuns(ReadOnlySpan<long> values, ByteWriter output)
    {
        var runs = 1;
        for (var i = 1; i < values.Length; i++)
        {
            if ((values[i] != Column.Absent) != (values[i - 1] != Column.Absent))
            {
                runs++;
            }
        }

        // Runs alternate absent, present, absent, ... starting with absent, so a leading present run
        // is preceded by an empty absent run.
        var leadingPresent = values[0] != Column.Absent;
        output.WriteVarUInt((ulong)(runs + (leadingPresent ? 1 : 0)));
        if (leadingPresent)
        {
            output.WriteVarUInt(0);
        }

        var length = 0;
        var current = values[0] != Column.Absent;
        foreach (var value in values)
        {
            var isPresent = value != Column.Absent;
            if (isPresent != current)
            {
                output.WriteVarUInt((ulong)length);
                current = isPresent;
                length = 0;
            }

            length++;
        }

        output.WriteVarUInt((ulong)length);
    }
}
