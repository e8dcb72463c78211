namespace Aura.Core.Cbor;

/// <summary>What <see cref="CborDecoder.TryReadItem(ReadOnlySpan{byte}, out int, out CborException?, CborDecoderOptions?)"/> found at the start of a buffer.</summary>
public enum CborReadStatus
{
    /// <summary>One complete, well-formed and valid data item; its length is reported.</summary>
    Complete,

    /// <summary>A valid beginning of a data item: wait for more bytes and try again.</summary>
    Incomplete,

    /// <summary>No number of further bytes can make this a valid data item.</summary>
    Malformed,
}
