using System.Buffers.Binary;

namespace Aura.Core.Cbor;

/// <summary>Preferred serialization (RFC 8949 §4.2.2) of heads and floats into a span.</summary>
internal static class CborEncoding
{
    /// <summary>The longest head: an initial byte and an 8-byte argument.</summary>
    public const int MaxHeadLength = 9;

    /// <summary>Writes the shortest head for <paramref name="argument"/>; returns the bytes written.</summary>
    public static int WriteHead(Span<byte> destination, CborMajorType major, ulong argument)
    {
        var initial = (byte)((byte)major << 5);
        if (argument < 24)
        {
            destination[0] = (byte)(initial | (byte)argument);
            return 1;
        }

        if (argument <= byte.MaxValue)
        {
            destination[0] = (byte)(initial | 24);
            destination[1] = (byte)argument;
            return 2;
        }

        if (argument <= ushort.MaxValue)
        {
            destination[0] = (byte)(initial | 25);
            BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)argument);
            return 3;
        }

        if (argument <= uint.MaxValue)
        {
            destination[0] = (byte)(initial | 26);
            BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)argument);
            return 5;
        }

        destination[0] = (byte)(initial | 27);
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], argument);
        return 9;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as the shortest of half, single and double precision that holds it
    /// exactly; every NaN becomes the half-precision quiet NaN 0xf97e00 (its payload is not kept).
    /// </summary>
    public static int WriteDouble(Span<byte> destination, double value)
    {
        const byte Half = 0xf9;
        const byte Single = 0xfa;
        const byte Double = 0xfb;
        if (double.IsNaN(value))
        {
            destination[0] = Half;
            destination[1] = 0x7e;
            destination[2] = 0x00;
            return 3;
        }

        var half = (Half)value;
        if ((double)half == value)
        {
            destination[0] = Half;
            BinaryPrimitives.WriteUInt16BigEndian(destination[1..], BitConverter.HalfToUInt16Bits(half));
            return 3;
        }

        var single = (float)value;
        if ((double)single == value)
        {
            destination[0] = Single;
            BinaryPrimitives.WriteUInt32BigEndian(destination[1..], BitConverter.SingleToUInt32Bits(single));
            return 5;
        }

        destination[0] = Double;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], BitConverter.DoubleToUInt64Bits(value));
        return 9;
    }
}
