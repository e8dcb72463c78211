using System.Buffers;
using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

public sealed class CborWriterTests
{
    [Theory]
    [InlineData(23UL, "17")]
    [InlineData(24UL, "1818")]
    [InlineData(255UL, "18ff")]
    [InlineData(256UL, "190100")]
    [InlineData(65535UL, "19ffff")]
    [InlineData(65536UL, "1a00010000")]
    [InlineData(4294967295UL, "1affffffff")]
    [InlineData(4294967296UL, "1b0000000100000000")]
    public void WriteUInt64_WidthBoundary_UsesTheShortestHead(ulong value, string hex)
    {
        Encode(w => w.WriteUInt64(value)).ShouldBe(hex);
    }

    [Theory]
    [InlineData(long.MinValue, "3b7fffffffffffffff")]
    [InlineData(long.MaxValue, "1b7fffffffffffffff")]
    [InlineData(-24L, "37")]
    [InlineData(-25L, "3818")]
    public void WriteInt64_Extreme_WritesTheRightMajorType(long value, string hex)
    {
        Encode(w => w.WriteInt64(value)).ShouldBe(hex);
    }

    [Theory]
    [InlineData(65505.0, "fa477fe100")]
    [InlineData(2.98023223876953125e-8, "fa33000000")]
    [InlineData(0.1, "fb3fb999999999999a")]
    [InlineData(double.Epsilon, "fb0000000000000001")]
    [InlineData(3.4028235677973366e+38, "fb47effffff0000000")]
    public void WriteDouble_NotExactInHalf_UsesTheNextWidthThatIsExact(double value, string hex)
    {
        Encode(w => w.WriteDouble(value)).ShouldBe(hex);
    }

    [Fact]
    public void WriteDouble_AnyHalfValue_TakesThreeBytesAndDecodesToTheSameBits()
    {
        for (var bits = 0; bits <= ushort.MaxValue; bits++)
        {
            var value = (double)BitConverter.UInt16BitsToHalf((ushort)bits);
            if (double.IsNaN(value))
            {
                continue;
            }

            var encoded = Convert.FromHexString(Encode(w => w.WriteDouble(value)));

            encoded.Length.ShouldBe(3, $"half 0x{bits:x4}");
            DecodeDouble(encoded).ShouldBe(BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Fact]
    public void WriteDouble_RandomSinglesAndDoubles_DecodeToTheSameBits()
    {
        var random = new Random(8949);
        Span<byte> bits = stackalloc byte[8];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(bits);
            var value = i % 2 == 0
                ? BitConverter.ToDouble(bits)
                : BitConverter.ToSingle(bits);
            if (double.IsNaN(value))
            {
                continue;
            }

            var encoded = Convert.FromHexString(Encode(w => w.WriteDouble(value)));

            encoded.Length.ShouldBeLessThanOrEqualTo(i % 2 == 0 ? 9 : 5);
            DecodeDouble(encoded).ShouldBe(BitConverter.DoubleToInt64Bits(value), $"value {value:R}");
        }
    }

    [Fact]
    public void IsComplete_AsContainersFill_TracksWhatIsStillOwed()
    {
        var writer = new CborWriter(new ArrayBufferWriter<byte>());

        writer.WriteStartMap(1);
        writer.Depth.ShouldBe(1);
        writer.WriteTextString("list");
        writer.IsComplete.ShouldBeFalse();
        writer.WriteStartArray(2);
        writer.Depth.ShouldBe(2);
        writer.WriteTag(1);
        writer.WriteUInt64(0);
        writer.Depth.ShouldBe(2);
        writer.WriteStartArray(0);
        writer.Depth.ShouldBe(0);
        writer.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void IsComplete_AfterTagWithoutContent_IsFalse()
    {
        var writer = new CborWriter(new ArrayBufferWriter<byte>());

        writer.WriteTag(0);

        writer.IsComplete.ShouldBeFalse();
        writer.WriteTextString("2013-03-21T20:04:00Z");
        writer.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void WriteTextString_UnpairedSurrogate_ThrowsAndWritesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CborWriter(buffer);

        Should.Throw<ArgumentException>(() => writer.WriteTextString("ok\ud800"));

        buffer.WrittenCount.ShouldBe(0);
    }

    [Fact]
    public void WriteUtf8TextString_InvalidUtf8_ThrowsAndWritesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CborWriter(buffer);

        Should.Throw<ArgumentException>(() => writer.WriteUtf8TextString([0x61, 0xc3]));

        buffer.WrittenCount.ShouldBe(0);
    }

    [Fact]
    public void WriteStart_NegativeCount_Throws()
    {
        var writer = new CborWriter(new ArrayBufferWriter<byte>());

        Should.Throw<ArgumentOutOfRangeException>(() => writer.WriteStartArray(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => writer.WriteStartMap(-1));
    }

    [Fact]
    public void Write_DeepNesting_OutputValidates()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CborWriter(buffer);
        for (var i = 0; i < 40; i++)
        {
            writer.WriteStartMap(1);
            writer.WriteTextString("k");
        }

        writer.WriteByteString([1, 2, 3]);

        writer.IsComplete.ShouldBeTrue();
        CborDecoder.Validate(buffer.WrittenSpan);
    }

    private static long DecodeDouble(byte[] encoded)
    {
        CborDecoder.Validate(encoded);
        return BitConverter.DoubleToInt64Bits(CborHead.ReadValidated(encoded, 0).ToDouble());
    }

    private static string Encode(Action<CborWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new CborWriter(buffer));
        return Convert.ToHexStringLower(buffer.WrittenSpan);
    }
}
