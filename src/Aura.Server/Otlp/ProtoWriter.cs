using System.Buffers.Binary;
using System.Text;

namespace Aura.Server.Otlp;

/// <summary>
/// Writes protobuf wire format into one growable buffer that is reused from export to export. A nested message is
/// written in place and its length prefix inserted when it ends, so building a request allocates nothing per value.
/// Not thread-safe.
/// </summary>
internal sealed class ProtoWriter
{
    private const int VarintType = 0;
    private const int Fixed64Type = 1;
    private const int LengthType = 2;
    private const int MaxDepth = 64;

    private readonly int[] _starts = new int[MaxDepth];
    private byte[] _buffer;
    private int _length;
    private int _depth;

    public ProtoWriter(int capacity = 16 * 1024) => _buffer = new byte[capacity];

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public void Reset()
    {
        _length = 0;
        _depth = 0;
    }

    public byte[] ToArray() => Written.ToArray();

    public void BeginMessage(int field)
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException($"protobuf messages nest deeper than {MaxDepth}");
        }

        Tag(field, LengthType);
        _starts[_depth++] = _length;
    }

    public void EndMessage()
    {
        var start = _starts[--_depth];
        var length = _length - start;
        var prefix = VarintSize((ulong)length);
        Ensure(prefix);
        Buffer.BlockCopy(_buffer, start, _buffer, start + prefix, length);
        WriteVarintAt(start, (ulong)length);
        _length += prefix;
    }

    public void String(int field, string value)
    {
        Tag(field, LengthType);
        var bytes = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)bytes);
        Ensure(bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthType);
        Varint((ulong)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    public void Double(int field, double value) => Fixed64(field, BitConverter.DoubleToUInt64Bits(value));

    public void Fixed64(int field, ulong value)
    {
        Tag(field, Fixed64Type);
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>An unsigned or int64 field (int64 writes a negative number as its two's complement, as protobuf does).</summary>
    public void UInt64(int field, ulong value)
    {
        Tag(field, VarintType);
        Varint(value);
    }

    public void Bool(int field, bool value) => UInt64(field, value ? 1UL : 0UL);

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        Ensure(10);
        WriteVarintAt(_length, value);
        _length += VarintSize(value);
    }

    private void WriteVarintAt(int position, ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[position] = (byte)value;
    }

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }
}
