using System.Buffers;

namespace Aura.Core.Cbor;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}"/>, so that decoding allocates only what it
/// returns. A mutable struct: pass it by <c>ref</c> and dispose it once.
/// </summary>
internal struct CborScratch : IDisposable
{
    private byte[]? _buffer;
    private int _length;

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public readonly ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public Span<byte> GetSpan(int size)
    {
        var needed = _length + size;
        if (_buffer is null || _buffer.Length < needed)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(256, (_buffer?.Length ?? 0) * 2)));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _length).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = grown;
        }

        return _buffer.AsSpan(_length, size);
    }

    public void Advance(int count) => _length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    public void Truncate(int length) => _length = length;

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = null;
        _length = 0;
    }
}
