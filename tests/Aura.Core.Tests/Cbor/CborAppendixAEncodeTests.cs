using System.Buffers;
using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>RFC 8949 Appendix A: the writer produces the table's preferred encodings.</summary>
public sealed class CborAppendixAEncodeTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(10UL, "0a")]
    [InlineData(23UL, "17")]
    [InlineData(24UL, "1818")]
    [InlineData(25UL, "1819")]
    [InlineData(100UL, "1864")]
    [InlineData(1000UL, "1903e8")]
    [InlineData(1000000UL, "1a000f4240")]
    [InlineData(1000000000000UL, "1b000000e8d4a51000")]
    [InlineData(18446744073709551615UL, "1bffffffffffffffff")]
    public void WriteUInt64_RfcExample_WritesRfcBytes(ulong value, string hex)
    {
        Encode(w => w.WriteUInt64(value)).ShouldBe(hex);
    }

    [Theory]
    [InlineData(-1L, "20")]
    [InlineData(-10L, "29")]
    [InlineData(-100L, "3863")]
    [InlineData(-1000L, "3903e7")]
    public void WriteInt64_RfcExample_WritesRfcBytes(long value, string hex)
    {
        Encode(w => w.WriteInt64(value)).ShouldBe(hex);
    }

    [Fact]
    public void WriteNegativeInteger_MinusTwoToTheSixtyFour_WritesRfcBytes()
    {
        Encode(w => w.WriteNegativeInteger(ulong.MaxValue)).ShouldBe("3bffffffffffffffff");
    }

    [Theory]
    [InlineData(0.0, "f90000")]
    [InlineData(-0.0, "f98000")]
    [InlineData(1.0, "f93c00")]
    [InlineData(1.1, "fb3ff199999999999a")]
    [InlineData(1.5, "f93e00")]
    [InlineData(65504.0, "f97bff")]
    [InlineData(100000.0, "fa47c35000")]
    [InlineData(3.4028234663852886e+38, "fa7f7fffff")]
    [InlineData(1.0e+300, "fb7e37e43c8800759c")]
    [InlineData(5.960464477539063e-8, "f90001")]
    [InlineData(0.00006103515625, "f90400")]
    [InlineData(-4.0, "f9c400")]
    [InlineData(-4.1, "fbc010666666666666")]
    [InlineData(double.PositiveInfinity, "f97c00")]
    [InlineData(double.NaN, "f97e00")]
    [InlineData(double.NegativeInfinity, "f9fc00")]
    public void WriteDouble_RfcExample_WritesShortestExactWidth(double value, string hex)
    {
        Encode(w => w.WriteDouble(value)).ShouldBe(hex);
    }

    [Theory]
    [InlineData("", "60")]
    [InlineData("a", "6161")]
    [InlineData("IETF", "6449455446")]
    [InlineData("\"\\", "62225c")]
    [InlineData("\u00fc", "62c3bc")]
    [InlineData("\u6c34", "63e6b0b4")]
    [InlineData("\ud800\udd51", "64f0908591")]
    public void WriteTextString_RfcExample_WritesRfcBytes(string value, string hex)
    {
        Encode(w => w.WriteTextString(value)).ShouldBe(hex);
        Encode(w => w.WriteUtf8TextString(System.Text.Encoding.UTF8.GetBytes(value))).ShouldBe(hex);
    }

    [Theory]
    [InlineData("", "40")]
    [InlineData("01020304", "4401020304")]
    public void WriteByteString_RfcExample_WritesRfcBytes(string content, string hex)
    {
        Encode(w => w.WriteByteString(Convert.FromHexString(content))).ShouldBe(hex);
    }

    [Fact]
    public void WriteSimpleValues_RfcExamples_WriteRfcBytes()
    {
        Encode(w => w.WriteBoolean(false)).ShouldBe("f4");
        Encode(w => w.WriteBoolean(true)).ShouldBe("f5");
        Encode(w => w.WriteNull()).ShouldBe("f6");
        Encode(w => w.WriteUndefined()).ShouldBe("f7");
    }

    [Fact]
    public void WriteTag_RfcExamples_WriteRfcBytes()
    {
        Encode(w =>
        {
            w.WriteTag(0);
            w.WriteTextString("2013-03-21T20:04:00Z");
        }).ShouldBe("c074323031332d30332d32315432303a30343a30305a");
        Encode(w =>
        {
            w.WriteTag(1);
            w.WriteUInt64(1363896240);
        }).ShouldBe("c11a514b67b0");
        Encode(w =>
        {
            w.WriteTag(1);
            w.WriteDouble(1363896240.5);
        }).ShouldBe("c1fb41d452d9ec200000");
        Encode(w =>
        {
            w.WriteTag(2);
            w.WriteByteString(Convert.FromHexString("010000000000000000"));
        }).ShouldBe("c249010000000000000000");
        Encode(w =>
        {
            w.WriteTag(32);
            w.WriteTextString("http://www.example.com");
        }).ShouldBe("d82076687474703a2f2f7777772e6578616d706c652e636f6d");
    }

    [Fact]
    public void WriteStartArray_RfcExamples_WriteRfcBytes()
    {
        Encode(w => w.WriteStartArray(0)).ShouldBe("80");
        Encode(w =>
        {
            w.WriteStartArray(3);
            w.WriteUInt64(1);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
        }).ShouldBe("83010203");
        Encode(w =>
        {
            w.WriteStartArray(3);
            w.WriteUInt64(1);
            w.WriteStartArray(2);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
            w.WriteStartArray(2);
            w.WriteUInt64(4);
            w.WriteUInt64(5);
        }).ShouldBe("8301820203820405");
        Encode(w =>
        {
            w.WriteStartArray(25);
            for (var i = 1UL; i <= 25; i++)
            {
                w.WriteUInt64(i);
            }
        }).ShouldBe("98190102030405060708090a0b0c0d0e0f101112131415161718181819");
    }

    [Fact]
    public void WriteStartMap_RfcExamples_WriteRfcBytes()
    {
        Encode(w => w.WriteStartMap(0)).ShouldBe("a0");
        Encode(w =>
        {
            w.WriteStartMap(2);
            w.WriteUInt64(1);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
            w.WriteUInt64(4);
        }).ShouldBe("a201020304");
        Encode(w =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("a");
            w.WriteUInt64(1);
            w.WriteTextString("b");
            w.WriteStartArray(2);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
        }).ShouldBe("a26161016162820203");
        Encode(w =>
        {
            w.WriteStartArray(2);
            w.WriteTextString("a");
            w.WriteStartMap(1);
            w.WriteTextString("b");
            w.WriteTextString("c");
        }).ShouldBe("826161a161626163");
        Encode(w =>
        {
            w.WriteStartMap(5);
            foreach (var key in "abcde")
            {
                w.WriteTextString(key.ToString());
                w.WriteTextString(char.ToUpperInvariant(key).ToString());
            }
        }).ShouldBe("a56161614161626142616361436164614461656145");
    }

    private static string Encode(Action<CborWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CborWriter(buffer);
        write(writer);
        writer.IsComplete.ShouldBeTrue();
        return Convert.ToHexStringLower(buffer.WrittenSpan);
    }
}
