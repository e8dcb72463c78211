using System.Buffers.Binary;

namespace Aura.Core.Cbor;

/// <summary>An initial byte and the argument that follows it (RFC 8949 §3).</summary>
internal readonly record struct CborHead(CborMajorType Major, byte AdditionalInfo, ulong Argument, int Length)
{
    public const byte IndefiniteLength = 31;

    public const byte Break = 0xff;

    public bool IsIndefinite => AdditionalInfo == IndefiniteLength;

    public bool IsFloat => Major == CborMajorType.SimpleOrFloat && AdditionalInfo is >= 25 and <= 27;

    /// <summary>Reads the head at <paramref name="offset"/>; false when the input ends inside it.</summary>
    /// <exception cref="CborException">The additional information is one of the reserved values 28–30.</exception>
    public static bool TryRead(ReadOnlySpan<byte> input, int offset, out CborHead head)
    {
        head = default;
        if (offset >= input.Length)
        {
            return false;
        }

        var initial = input[offset];
        var major = (CborMajorType)(initial >> 5);
        var info = (byte)(initial & 0x1f);
        if (info < 24 || info == IndefiniteLength)
        {
            head = new CborHead(major, info, info < 24 ? info : 0UL, 1);
            return true;
        }

        if (info > 27)
        {
            throw new CborException(offset, $"reserved additional information {info} in initial byte 0x{initial:x2}");
        }

        var size = 1 << (info - 24);
        if (input.Length - offset - 1 < size)
        {
            return false;
        }

        var bytes = input.Slice(offset + 1, size);
        var argument = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        };
        head = new CborHead(major, info, argument, 1 + size);
        return true;
    }

    /// <summary>Reads a head of input that has already been validated.</summary>
    public static CborHead ReadValidated(ReadOnlySpan<byte> input, int offset)
    {
        return TryRead(input, offset, out var head)
            ? head
            : throw new InvalidOperationException($"The CBOR input was not validated: it ends inside the head at offset {offset}.");
    }

    /// <summary>The value of a half-, single- or double-precision float head.</summary>
    public double ToDouble() => AdditionalInfo switch
    {
        25 => (double)BitConverter.UInt16BitsToHalf((ushort)Argument),
        26 => BitConverter.UInt32BitsToSingle((uint)Argument),
        _ => BitConverter.UInt64BitsToDouble(Argument),
    };
}
