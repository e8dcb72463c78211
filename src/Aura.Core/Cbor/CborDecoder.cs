using System.Buffers;

namespace Aura.Core.Cbor;

/// <summary>
/// Strict checks of CBOR data items (RFC 8949): well-formed, valid (text is UTF-8, no duplicate map keys)
/// and within <see cref="CborDecoderOptions"/>. Non-shortest heads are accepted. Nothing is allocated
/// unless the input is malformed.
/// </summary>
public static class CborDecoder
{
    /// <summary>
    /// For a socket: whether <paramref name="buffer"/> starts with one complete data item. Bytes after it
    /// are left alone (they belong to the next message). Incomplete means "read more and call again";
    /// malformed means no further bytes can help. A declared length over the limit is malformed at once,
    /// so a peer cannot make the caller buffer more than <see cref="CborDecoderOptions.MaxItemLength"/>.
    /// </summary>
    /// <param name="buffer">The bytes received so far.</param>
    /// <param name="length">The item's length in bytes when complete; otherwise 0.</param>
    /// <param name="error">What is wrong, and at which offset, when malformed; otherwise null.</param>
    /// <param name="options">Limits; <see cref="CborDecoderOptions.Default"/> when null.</param>
    public static CborReadStatus TryReadItem(
        ReadOnlySpan<byte> buffer, out int length, out CborException? error, CborDecoderOptions? options = null)
    {
        length = 0;
        error = null;
        try
        {
            var end = CborValidator.Read(buffer, isFinal: false, options ?? CborDecoderOptions.Default);
            if (end < 0)
            {
                return CborReadStatus.Incomplete;
            }

            length = end;
            return CborReadStatus.Complete;
        }
        catch (CborException exception)
        {
            error = exception;
            return CborReadStatus.Malformed;
        }
    }

    /// <inheritdoc cref="TryReadItem(ReadOnlySpan{byte}, out int, out CborException?, CborDecoderOptions?)"/>
    public static CborReadStatus TryReadItem(
        in ReadOnlySequence<byte> buffer, out int length, out CborException? error, CborDecoderOptions? options = null)
    {
        if (buffer.IsSingleSegment)
        {
            return TryReadItem(buffer.FirstSpan, out length, out error, options);
        }

        // The validator never looks past the limit plus one head, so that many bytes decide the answer.
        options ??= CborDecoderOptions.Default;
        var size = (int)Math.Min(buffer.Length, Math.Min((long)options.MaxItemLength + CborEncoding.MaxHeadLength, Array.MaxLength));
        var copy = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            buffer.Slice(0, size).CopyTo(copy);
            return TryReadItem(copy.AsSpan(0, size), out length, out error, options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>The length of the data item at the start of <paramref name="input"/>, which is all there is: a short item is an error. Bytes after the item are allowed (a CBOR sequence).</summary>
    /// <exception cref="CborException">The item is malformed, invalid, over a limit or cut short.</exception>
    public static int GetItemLength(ReadOnlySpan<byte> input, CborDecoderOptions? options = null)
    {
        return CborValidator.Read(input, isFinal: true, options ?? CborDecoderOptions.Default);
    }

    /// <summary>Checks that <paramref name="input"/> is exactly one data item, with no bytes after it.</summary>
    /// <exception cref="CborException">The input is not exactly one valid data item.</exception>
    public static void Validate(ReadOnlySpan<byte> input, CborDecoderOptions? options = null)
    {
        var end = GetItemLength(input, options);
        if (end != input.Length)
        {
            var extra = input.Length - end;
            throw new CborException(end, extra == 1 ? "the data item ends here, but 1 more byte follows" : $"the data item ends here, but {extra} more bytes follow");
        }
    }
}
