using System.Numerics;

namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// Encodes a column: a flags byte (presence runs follow? residual mode? scaled?), the runs, the first value, the
/// scale, then the residuals through the adaptive range coder. Residuals are divided by their greatest common
/// divisor when it is above one: memory moves in pages (4 KiB steps of a KiB-precision series), disks in 4 KiB
/// blocks, and those bits cost nothing to drop. Reused across chunks; not thread-safe.
/// </summary>
internal sealed class ColumnEncoder
{
    private const byte HasGaps = 1;
    private const byte Scaled = 8;

    private readonly RangeEncoder _encoder = new();
    private readonly IntegerModel _model = new();
    private readonly long[][] _residuals = [[], [], [], []];
    private int _count;

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
        var (mode, scale) = present <= 1 ? (ColumnMode.Constant, 1L) : ChooseMode(values);
        output.WriteByte((byte)((gaps ? HasGaps : 0) | ((byte)mode << 1) | (scale > 1 ? Scaled : 0)));
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

        if (scale > 1)
        {
            output.WriteVarUInt((ulong)scale);
        }

        _model.Reset();
        _encoder.Start(output);
        var residuals = _residuals[(int)mode];
        for (var i = 0; i < _count; i++)
        {
            _model.Encode(_encoder, VarInt.ZigZag(residuals[i] / scale));
        }

        _encoder.Finish();
    }

    /// <summary>Forms the residuals of every mode and keeps the mode (and common divisor) that costs the fewest bits.</summary>
    private (ColumnMode Mode, long Scale) ChooseMode(ReadOnlySpan<long> values)
    {
        if (_residuals[1].Length < values.Length)
        {
            for (var m = 1; m < _residuals.Length; m++)
            {
                _residuals[m] = new long[values.Length];
            }
        }

        _count = 0;
        var first = Column.Absent;
        var previous = Column.Absent;
        long previousDelta = 0;
        Span<ulong> scales = stackalloc ulong[4];
        foreach (var value in values)
        {
            if (value == Column.Absent)
            {
                continue;
            }

            if (previous == Column.Absent)
            {
                first = value;
            }
            else
            {
                var delta = unchecked(value - previous);
                _residuals[1][_count] = delta;
                _residuals[2][_count] = unchecked(delta - previousDelta);
                _residuals[3][_count] = unchecked(value - first);
                for (var m = 1; m < 4; m++)
                {
                    scales[m] = Gcd(scales[m], Magnitude(_residuals[m][_count]));
                }

                _count++;
                previousDelta = delta;
            }

            previous = value;
        }

        if (scales[1] == 0)
        {
            return (ColumnMode.Constant, 1);
        }

        var best = ColumnMode.Delta;
        var bestBits = long.MaxValue;
        var bestScale = 1L;
        for (var m = 1; m < 4; m++)
        {
            // A divisor that does not fit a long cannot divide a long residual; keep it at one.
            var scale = scales[m] is 0 or > long.MaxValue ? 1 : (long)scales[m];
            long bits = 0;
            var residuals = _residuals[m];
            for (var i = 0; i < _count; i++)
            {
                bits += Cost(residuals[i] / scale);
            }

            if (bits < bestBits)
            {
                (best, bestBits, bestScale) = ((ColumnMode)m, bits, scale);
            }
        }

        return (best, bestScale);
    }

    private static ulong Magnitude(long value) => value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
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
