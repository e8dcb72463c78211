using System.Buffers;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Rollups;

/// <summary>
/// A rollup row holds one block's buckets for every series: a directory (series id, section length) then the
/// sections. A section is the bucket count, the first bucket's index, then per bucket the gap to the previous one,
/// the change in count and in min, max minus min, and sum minus min times count: small numbers for quiet series.
/// Each section is written plainly or range-coded, whichever is shorter.
/// </summary>
internal sealed class RollupCodec(ArrayPool<byte>? pool = null) : IDisposable
{
    private const byte Plain = 0;
    private const byte Coded = 1;

    private readonly RangeEncoder _encoder = new();
    private readonly IntegerModel[] _models = [new(), new(), new(), new(), new()];
    private readonly ByteWriter _plain = new(1024, pool);
    private readonly ByteWriter _coded = new(1024, pool);

    public void WriteSection(ReadOnlySpan<Bucket> buckets, long bucketMs, ByteWriter output)
    {
        _plain.Clear();
        _coded.Clear();
        foreach (var model in _models)
        {
            model.Reset();
        }

        _encoder.Start(_coded);
        Bucket previous = default;
        for (var i = 0; i < buckets.Length; i++)
        {
            var b = buckets[i];
            var index = b.Start / bucketMs;
            Span<ulong> fields =
            [
                i == 0 ? VarInt.ZigZag(index) : (ulong)(index - (previous.Start / bucketMs) - 1),
                VarInt.ZigZag(b.Count - previous.Count),
                VarInt.ZigZag(unchecked(b.Min - previous.Min)),
                (ulong)unchecked(b.Max - b.Min),
                VarInt.ZigZag(unchecked(b.Sum - (b.Min * b.Count))),
            ];
            for (var f = 0; f < fields.Length; f++)
            {
                _plain.WriteVarUInt(fields[f]);
                if (i > 0 || f > 0)
                {
                    _models[f].Encode(_encoder, fields[f]);
                }
            }

            previous = b;
        }

        _encoder.Finish();
        output.WriteVarUInt((ulong)buckets.Length);
        if (_coded.Length + 10 < _plain.Length)
        {
            output.WriteByte(Coded);
            output.WriteVarUInt(VarInt.ZigZag(buckets.Length == 0 ? 0 : buckets[0].Start / bucketMs));
            output.WriteBytes(_coded.WrittenSpan);
        }
        else
        {
            output.WriteByte(Plain);
            output.WriteBytes(_plain.WrittenSpan);
        }
    }

    public void Dispose()
    {
        _plain.Dispose();
        _coded.Dispose();
    }

    /// <summary>Appends a section's buckets to <paramref name="buckets"/>, merging a first bucket that continues the last.</summary>
    public void ReadSection(ReadOnlySpan<byte> section, long bucketMs, List<Bucket> buckets)
    {
        var reader = new ByteReader(section);
        var count = reader.ReadLength();
        var mode = reader.ReadByte();
        if (mode == Plain)
        {
            Bucket previous = default;
            for (var i = 0; i < count; i++)
            {
                previous = Next(previous, i, reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), reader.ReadVarUInt(), bucketMs);
                Bucket.AppendMerging(buckets, previous);
            }

            return;
        }

        if (mode != Coded)
        {
            throw new InvalidDataException($"Unknown rollup section mode {mode}.");
        }

        var first = reader.ReadVarUInt();
        foreach (var model in _models)
        {
            model.Reset();
        }

        var decoder = new RangeDecoder(reader.Remaining);
        Bucket last = default;
        for (var i = 0; i < count; i++)
        {
            var gap = i == 0 ? first : _models[0].Decode(ref decoder);
            last = Next(last, i, gap, _models[1].Decode(ref decoder), _models[2].Decode(ref decoder), _models[3].Decode(ref decoder), _models[4].Decode(ref decoder), bucketMs);
            Bucket.AppendMerging(buckets, last);
        }
    }

    private static Bucket Next(in Bucket previous, int i, ulong gap, ulong count, ulong min, ulong range, ulong excess, long bucketMs)
    {
        var index = i == 0 ? VarInt.UnZigZag(gap) : (previous.Start / bucketMs) + 1 + (long)gap;
        var b = new Bucket
        {
            Start = index * bucketMs,
            Count = previous.Count + VarInt.UnZigZag(count),
            Min = unchecked(previous.Min + VarInt.UnZigZag(min)),
        };
        b.Max = unchecked(b.Min + (long)range);
        b.Sum = unchecked((b.Min * b.Count) + VarInt.UnZigZag(excess));
        return b;
    }
}
