using System.Buffers;

namespace Aura.Server.Jetson;

/// <summary>The bytes of one request as they arrive, in a pooled array that grows up to <see cref="Limit"/>.</summary>
internal sealed class RequestBuffer(int limit) : IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(Math.Min(4096, limit));

    public int Limit { get; } = limit;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public Memory<byte> Free => _array.AsMemory(Length, Math.Min(_array.Length, Limit) - Length);

    /// <summary>Ensures there is space to read into; false when the request already fills the limit.</summary>
    public bool TryMakeRoom()
    {
        if (Length < Math.Min(_array.Length, Limit))
        {
            return true;
        }

        if (Length >= Limit)
        {
            return false;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_array.Length * 2, Limit));
        Span.CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
        return true;
    }

    public void Advance(int count) => Length += count;

    public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
}
