namespace Aura.Core.Cbor;

/// <summary>
/// CBOR input that is malformed, invalid or beyond a configured limit. The message starts with
/// "offset N:" where N is the 0-based byte offset, from the start of the input, of the byte at fault.
/// </summary>
public sealed class CborException : FormatException
{
    public CborException()
    {
    }

    public CborException(string message)
        : base(message)
    {
    }

    public CborException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CborException(int offset, string reason)
        : base($"offset {offset}: {reason}")
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The 0-based byte offset of the fault, counted from the start of the input.</summary>
    public int Offset { get; }

    /// <summary>What is wrong, without the offset.</summary>
    public string Reason { get; } = "";
}
