using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>A map may not repeat a key, however the repeat is encoded; equal-looking but distinct keys are fine.</summary>
public sealed class CborDuplicateKeyTests
{
    [Theory]
    [InlineData("a2616101616102", 4, "\"a\"", 0)]
    [InlineData("a2010201 03", 3, "1", 0)]
    [InlineData("a20102180103", 3, "1", 0)]
    [InlineData("a2626162017f61616162ff02", 5, "(_ \"a\", \"b\")", 0)]
    [InlineData("a2f93e0001fb3ff800000000000002", 5, "1.5", 0)]
    [InlineData("a2fa3fc0000001f93e0002", 7, "1.5", 0)]
    [InlineData("bf616101616102ff", 4, "\"a\"", 0)]
    [InlineData("a16178a201010102", 6, "1", 3)]
    [InlineData("a2820102f5820102f4", 5, "[1, 2]", 0)]
    [InlineData("a2c1010ac1010b", 4, "1(1)", 0)]
    [InlineData("a2f600f601", 3, "null", 0)]
    public void Validate_DuplicateKey_ThrowsAtTheRepeat(string hex, int offset, string key, int mapOffset)
    {
        CborRejectionTests.AssertRejected(hex.Replace(" ", "", StringComparison.Ordinal), offset, $"duplicate map key {key} in the map at offset {mapOffset}");
    }

    [Theory]
    [InlineData("a4 01 00 f93c00 00 6131 00 4131 00")]
    [InlineData("a2 20 00 01 00")]
    [InlineData("a2 c101 00 c201 00")]
    [InlineData("a1 6161 a1 6161 01")]
    [InlineData("a2 6161 a1 6162 01 6162 a1 6161 01")]
    [InlineData("82 a1 6161 01 a1 6161 02")]
    [InlineData("a2 a1 6161 01 00 a1 6161 02 00")]
    public void Validate_DistinctOrSeparateKeys_IsAccepted(string hex)
    {
        Should.NotThrow(() => CborDecoder.Validate(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Validate_ManyDistinctKeys_IsAccepted()
    {
        Should.NotThrow(() => CborDecoder.Validate(MapOfIntegers(100_000, repeatLast: false)));
    }

    [Fact]
    public void Validate_ManyKeysWithTheLastRepeatingTheFirst_Throws()
    {
        var input = MapOfIntegers(100_000, repeatLast: true);

        var error = Should.Throw<CborException>(() => CborDecoder.Validate(input));

        error.Reason.ShouldBe("duplicate map key 0 in the map at offset 0");
        error.Offset.ShouldBe(input.Length - 2);
    }

    private static byte[] MapOfIntegers(int count, bool repeatLast)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new CborWriter(buffer);
        writer.WriteStartMap(count);
        for (var i = 0; i < count; i++)
        {
            writer.WriteUInt64(repeatLast && i == count - 1 ? 0UL : (ulong)i);
            writer.WriteNull();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
