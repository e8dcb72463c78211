using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>Every rejection names what is wrong and the byte offset at fault.</summary>
public sealed class CborRejectionTests
{
    [Theory]
    [InlineData("1c", 0, "reserved additional information 28 in initial byte 0x1c")]
    [InlineData("1d", 0, "reserved additional information 29 in initial byte 0x1d")]
    [InlineData("1e", 0, "reserved additional information 30 in initial byte 0x1e")]
    [InlineData("5c", 0, "reserved additional information 28 in initial byte 0x5c")]
    [InlineData("fe", 0, "reserved additional information 30 in initial byte 0xfe")]
    [InlineData("82011d", 2, "reserved additional information 29 in initial byte 0x1d")]
    public void Validate_ReservedAdditionalInformation_Throws(string hex, int offset, string reason)
    {
        AssertRejected(hex, offset, reason);
    }

    [Theory]
    [InlineData("62c328", 1, "invalid UTF-8 in a text string")]
    [InlineData("63eda080", 1, "invalid UTF-8 in a text string")]
    [InlineData("62c080", 1, "invalid UTF-8 in a text string")]
    [InlineData("64f4908080", 1, "invalid UTF-8 in a text string")]
    [InlineData("64616263ff", 4, "invalid UTF-8 in a text string")]
    [InlineData("7f61616261ffff", 5, "invalid UTF-8 in a text string")]
    [InlineData("7f61c361bcff", 2, "invalid UTF-8 in a text string")]
    [InlineData("a161616261c3", 5, "invalid UTF-8 in a text string")]
    public void Validate_InvalidUtf8InText_ThrowsAtTheBadByte(string hex, int offset, string reason)
    {
        AssertRejected(hex, offset, reason);
    }

    [Fact]
    public void Validate_InvalidUtf8InByteString_IsAccepted()
    {
        Should.NotThrow(() => CborDecoder.Validate(Convert.FromHexString("42c328")));
    }

    [Theory]
    [InlineData("ff", 0)]
    [InlineData("81ff", 1)]
    [InlineData("8201ff", 2)]
    [InlineData("a1ff", 1)]
    [InlineData("a101ff", 2)]
    [InlineData("c1ff", 1)]
    public void Validate_BreakOutsideIndefiniteItem_Throws(string hex, int offset)
    {
        AssertRejected(hex, offset, "unexpected break (0xff): a break may only end an indefinite-length string, array or map");
    }

    [Fact]
    public void Validate_IndefiniteMapBreakAfterKey_Throws()
    {
        AssertRejected("bf6161ff", 3, "the indefinite-length map at offset 0 ends after a key, without its value");
    }

    [Theory]
    [InlineData("1f", 0, "an unsigned integer cannot have an indefinite length (additional information 31)")]
    [InlineData("3f", 0, "a negative integer cannot have an indefinite length (additional information 31)")]
    [InlineData("df01", 0, "a tag cannot have an indefinite length (additional information 31)")]
    [InlineData("5f6161ff", 1, "a chunk of the indefinite-length byte string at offset 0 must be a definite-length byte string, not a text string")]
    [InlineData("7f4161ff", 1, "a chunk of the indefinite-length text string at offset 0 must be a definite-length text string, not a byte string")]
    [InlineData("7f7fffff", 1, "a chunk of the indefinite-length text string at offset 0 must be a definite-length text string, not an indefinite-length text string")]
    [InlineData("5f01ff", 1, "a chunk of the indefinite-length byte string at offset 0 must be a definite-length byte string, not an unsigned integer")]
    [InlineData("f818", 0, "simple value 24 encoded in two bytes (0xf8 0x18) is not well-formed")]
    [InlineData("f81f", 0, "simple value 31 encoded in two bytes (0xf8 0x1f) is not well-formed")]
    public void Validate_IllegalHead_Throws(string hex, int offset, string reason)
    {
        AssertRejected(hex, offset, reason);
    }

    [Fact]
    public void Validate_SixtyFourNestedArrays_IsAccepted()
    {
        Should.NotThrow(() => CborDecoder.Validate(Convert.FromHexString(string.Concat(Enumerable.Repeat("81", 64)) + "00")));
    }

    [Theory]
    [InlineData("81", "00")]
    [InlineData("9f", "00" + "ff")]
    [InlineData("a1", "0000")]
    [InlineData("c1", "00")]
    public void Validate_SixtyFiveNestedLevels_ThrowsAtTheSixtyFifth(string level, string innermost)
    {
        var hex = string.Concat(Enumerable.Repeat(level, 65)) + innermost;

        AssertRejected(hex, 64, "nesting deeper than 64 levels of arrays, maps and tags");
    }

    [Fact]
    public void Validate_DepthOverConfiguredLimit_Throws()
    {
        var options = new CborDecoderOptions { MaxDepth = 2 };

        Should.NotThrow(() => CborDecoder.Validate(Convert.FromHexString("818101"), options));
        var error = Should.Throw<CborException>(() => CborDecoder.Validate(Convert.FromHexString("81818101"), options));
        error.Offset.ShouldBe(2);
        error.Reason.ShouldBe("nesting deeper than 2 levels of arrays, maps and tags");
    }

    [Theory]
    [InlineData("440102", 0, "byte string of 4 bytes runs past the end of the input, which holds 2 of them")]
    [InlineData("8261617a000f424061", 3, "text string of 1000000 bytes runs past the end of the input, which holds 1 of them")]
    [InlineData("5f4201", 1, "byte string of 2 bytes runs past the end of the input, which holds 1 of them")]
    [InlineData("830102", 3, "unexpected end of input: the data item is incomplete")]
    [InlineData("19", 1, "unexpected end of input: the data item is incomplete")]
    [InlineData("", 0, "unexpected end of input: the data item is incomplete")]
    public void Validate_LengthBeyondInput_Throws(string hex, int offset, string reason)
    {
        AssertRejected(hex, offset, reason);
    }

    [Theory]
    [InlineData("5a00100000", 0, "byte string of 1048576 bytes does not fit the limit of 1048576 bytes on a data item")]
    [InlineData("7bffffffffffffffff", 0, "text string of 18446744073709551615 bytes does not fit the limit of 1048576 bytes on a data item")]
    [InlineData("9bffffffffffffffff", 0, "an array of 18446744073709551615 items does not fit the limit of 1048576 bytes on a data item")]
    [InlineData("bb0000000100000000", 0, "a map of 4294967296 entries does not fit the limit of 1048576 bytes on a data item")]
    [InlineData("825a000ffffb00", 1, "byte string of 1048571 bytes does not fit the limit of 1048576 bytes on a data item")]
    public void TryReadItem_LengthOverLimit_IsMalformedWithoutWaitingForTheBytes(string hex, int offset, string reason)
    {
        CborDecoder.TryReadItem(Convert.FromHexString(hex), out _, out var error).ShouldBe(CborReadStatus.Malformed);

        error.ShouldNotBeNull();
        error.Offset.ShouldBe(offset);
        error.Reason.ShouldBe(reason);
        AssertRejected(hex, offset, reason);
    }

    [Fact]
    public void TryReadItem_IndefiniteItemGrowingPastLimit_IsMalformedAtTheLimit()
    {
        var options = new CborDecoderOptions { MaxItemLength = 16 };
        var input = Convert.FromHexString("9f" + string.Concat(Enumerable.Repeat("00", 20)));

        CborDecoder.TryReadItem(input, out _, out var error, options).ShouldBe(CborReadStatus.Malformed);

        error!.Offset.ShouldBe(16);
        error.Reason.ShouldBe("the data item is longer than the limit of 16 bytes");
    }

    [Fact]
    public void TryReadItem_StringEndingExactlyAtLimit_IsIncompleteUntilItsBytesArrive()
    {
        CborDecoder.TryReadItem(Convert.FromHexString("825a000ffffa00"), out _, out var error).ShouldBe(CborReadStatus.Incomplete);

        error.ShouldBeNull();
    }

    [Fact]
    public void TryReadItem_ItemExactlyAtLimit_IsComplete()
    {
        var options = new CborDecoderOptions { MaxItemLength = 16 };
        var input = Convert.FromHexString("4f" + string.Concat(Enumerable.Repeat("aa", 15)));

        CborDecoder.TryReadItem(input, out var length, out _, options).ShouldBe(CborReadStatus.Complete);

        length.ShouldBe(16);
    }

    [Theory]
    [InlineData("0102", 1, "the data item ends here, but 1 more byte follows")]
    [InlineData("80ffff", 1, "the data item ends here, but 2 more bytes follow")]
    public void Validate_TrailingBytes_Throws(string hex, int offset, string reason)
    {
        AssertRejected(hex, offset, reason);
        CborDecoder.GetItemLength(Convert.FromHexString(hex)).ShouldBe(offset);
    }

    [Fact]
    public void Options_DepthOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CborDecoderOptions { MaxDepth = 0 });
        Should.Throw<ArgumentOutOfRangeException>(() => new CborDecoderOptions { MaxDepth = CborDecoderOptions.DepthCeiling + 1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new CborDecoderOptions { MaxItemLength = 0 });
    }

    [Fact]
    public void Exception_Message_StartsWithTheOffset()
    {
        var error = Should.Throw<CborException>(() => CborDecoder.Validate(Convert.FromHexString("82011d")));

        error.Message.ShouldBe("offset 2: reserved additional information 29 in initial byte 0x1d");
    }

    internal static void AssertRejected(string hex, int offset, string reason)
    {
        var error = Should.Throw<CborException>(() => CborDecoder.Validate(Convert.FromHexString(hex)));

        error.Reason.ShouldBe(reason);
        error.Offset.ShouldBe(offset);
    }
}
