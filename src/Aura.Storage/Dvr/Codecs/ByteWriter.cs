using System.Buffers;

namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// A growable byte buffer over a pooled array, reused between chunks so encoding allocates nothing in steady state.
/// Arrays come from the shared pool unless the writer is given its own (for buffers that should not outlive one job).
/// </summary>
internal sealed class ByteWriter : IDisposable
{
    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer;
    private int _length;

    public ByteWriter(int capacity = 256, ArrayPool<byte>? pool = null)
    {
        _pool = pool ?? ArrayPool<byte>.Shared;
        _buffer = _pool.Rent(capacity);
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    public void WriteByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void WriteVarUInt(ulong value)
    {
        if (_buffer.Length - _length < 10)
        {
            Grow(10);
        }

        var buffer = _buffer;
        var length = _length;
        while (value >= 0x80)
        {
            buffer[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[length++] = (byte)value;
        _length = length;
    }

    public void WriteVarInt(long value) => WriteVarUInt(VarInt.ZigZag(value));

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Room for <paramref name="count"/> bytes that the caller fills, then commits with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    /// <summary>Drops bytes past <paramref name="length"/>.</summary>
    public void Truncate(int length) => _length = Math.Min(_length, length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            _pool.Return(buffer);
        }
    }

    private void Grow(int needed)
    {
        var next = _pool.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(next);
        if (_buffer.Length > 0)
        {
            _pool.Return(_buffer);
        }

        _buffer = next;
    }
}
