using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>A socket server must tell "wait for more bytes" from "malformed", at every possible cut.</summary>
public sealed class CborIncompleteInputTests
{
    public static TheoryData<string> Messages() => new()
    {
        JetsonScopeMessages.GetStatsCbor,
        JetsonScopeMessages.GetStatsMapCbor,
        JetsonScopeMessages.SetControlCbor,
        JetsonScopeMessages.SetControlWithoutTokenCbor,
        "1b000000e8d4a51000",
        "3bffffffffffffffff",
        "fb7e37e43c8800759c",
        "fa47c35000",
        "f90400",
        "f8ff",
        "c11a514b67b0",
        "d82076687474703a2f2f7777772e6578616d706c652e636f6d",
        "64f0908591",
        "5f42010243030405ff",
        "7f657374726561646d696e67ff",
        "8301820203820405",
        "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
        "9f018202039f0405ffff",
        "a26161016162820203",
        "bf61610161629f0203ffff",
        "bf6346756ef563416d7421ff",
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryReadItem_EveryStrictPrefix_IsIncomplete(string hex)
    {
        var message = Convert.FromHexString(hex);

        for (var cut = 0; cut < message.Length; cut++)
        {
            var status = CborDecoder.TryReadItem(message.AsSpan(0, cut), out var length, out var error);

            status.ShouldBe(CborReadStatus.Incomplete, $"cut after {cut} of {message.Length} bytes");
            length.ShouldBe(0);
            error.ShouldBeNull();
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void GetItemLength_EveryStrictPrefixAsFinalInput_ThrowsWithinThePrefix(string hex)
    {
        var message = Convert.FromHexString(hex);

        for (var cut = 0; cut < message.Length; cut++)
        {
            var prefix = message[..cut];
            var error = Should.Throw<CborException>(() => CborDecoder.GetItemLength(prefix), $"cut after {cut} bytes");

            error.Offset.ShouldBeInRange(0, cut);
            var saysInputEnded = error.Reason.StartsWith("unexpected end of input", StringComparison.Ordinal)
                || error.Reason.Contains("runs past the end of the input", StringComparison.Ordinal);
            saysInputEnded.ShouldBeTrue($"cut after {cut} bytes: {error.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryReadItem_WholeMessageFollowedByTheNext_ReportsOnlyTheFirst(string hex)
    {
        var message = Convert.FromHexString(hex);
        var twoMessages = message.Concat(message).ToArray();

        CborDecoder.TryReadItem(message, out var alone, out _).ShouldBe(CborReadStatus.Complete);
        CborDecoder.TryReadItem(twoMessages, out var first, out _).ShouldBe(CborReadStatus.Complete);

        alone.ShouldBe(message.Length);
        first.ShouldBe(message.Length);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void TryReadItem_SequenceSplitAtEveryPoint_AgreesWithTheSpan(string hex)
    {
        var message = Convert.FromHexString(hex);

        for (var cut = 1; cut < message.Length; cut++)
        {
            CborDecoder.TryReadItem(TestSegment.Split(message, cut), out var length, out _).ShouldBe(CborReadStatus.Complete);
            length.ShouldBe(message.Length);
            CborDecoder.TryReadItem(TestSegment.Split(message[..cut], cut / 2 > 0 ? [cut / 2] : []), out _, out _)
                .ShouldBe(CborReadStatus.Incomplete, $"cut after {cut} bytes");
        }
    }

    [Theory]
    [InlineData("82011c", 2)]
    [InlineData("bf6161016161", 4)]
    [InlineData("8261c3", 2)]
    [InlineData("a1ff", 1)]
    public void TryReadItem_PrefixThatCannotBecomeValid_IsMalformedBeforeTheEnd(string hex, int offset)
    {
        CborDecoder.TryReadItem(Convert.FromHexString(hex), out var length, out var error).ShouldBe(CborReadStatus.Malformed);

        length.ShouldBe(0);
        error.ShouldNotBeNull().Offset.ShouldBe(offset);
    }

    [Fact]
    public void TryReadItem_MalformedSequenceAcrossSegments_IsMalformed()
    {
        var bytes = Convert.FromHexString("8301021c");

        CborDecoder.TryReadItem(TestSegment.Split(bytes, 1, 3), out _, out var error).ShouldBe(CborReadStatus.Malformed);

        error.ShouldNotBeNull().Offset.ShouldBe(3);
    }

    [Fact]
    public void TryReadItem_LongSequenceOverLimit_IsMalformedNotIncomplete()
    {
        var options = new CborDecoderOptions { MaxItemLength = 64 };
        var bytes = new byte[200];
        bytes[0] = 0x9f;

        CborDecoder.TryReadItem(TestSegment.Split(bytes, 10, 100), out _, out var error, options).ShouldBe(CborReadStatus.Malformed);

        error.ShouldNotBeNull().Offset.ShouldBe(64);
    }
}
