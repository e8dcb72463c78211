using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>RFC 8949 Appendix A: every encoded example decodes to its diagnostic notation.</summary>
public sealed class CborAppendixADecodeTests
{
    [Theory]
    [InlineData("00", "0")]
    [InlineData("01", "1")]
    [InlineData("0a", "10")]
    [InlineData("17", "23")]
    [InlineData("1818", "24")]
    [InlineData("1819", "25")]
    [InlineData("1864", "100")]
    [InlineData("1903e8", "1000")]
    [InlineData("1a000f4240", "1000000")]
    [InlineData("1b000000e8d4a51000", "1000000000000")]
    [InlineData("1bffffffffffffffff", "18446744073709551615")]
    [InlineData("c249010000000000000000", "2(h'010000000000000000')")]
    [InlineData("3bffffffffffffffff", "-18446744073709551616")]
    [InlineData("c349010000000000000000", "3(h'010000000000000000')")]
    [InlineData("20", "-1")]
    [InlineData("29", "-10")]
    [InlineData("3863", "-100")]
    [InlineData("3903e7", "-1000")]
    public void Format_Integer_MatchesRfc(string hex, string diagnostic)
    {
        AssertDecodes(hex, diagnostic);
    }

    [Theory]
    [InlineData("f90000", "0.0")]
    [InlineData("f98000", "-0.0")]
    [InlineData("f93c00", "1.0")]
    [InlineData("fb3ff199999999999a", "1.1")]
    [InlineData("f93e00", "1.5")]
    [InlineData("f97bff", "65504.0")]
    [InlineData("fa47c35000", "100000.0")]
    [InlineData("fa7f7fffff", "3.4028234663852886e+38")]
    [InlineData("fb7e37e43c8800759c", "1.0e+300")]
    [InlineData("f90001", "5.960464477539063e-8")]
    [InlineData("f90400", "0.00006103515625")]
    [InlineData("f9c400", "-4.0")]
    [InlineData("fbc010666666666666", "-4.1")]
    [InlineData("f97c00", "Infinity")]
    [InlineData("f97e00", "NaN")]
    [InlineData("f9fc00", "-Infinity")]
    [InlineData("fa7f800000", "Infinity")]
    [InlineData("fa7fc00000", "NaN")]
    [InlineData("faff800000", "-Infinity")]
    [InlineData("fb7ff0000000000000", "Infinity")]
    [InlineData("fb7ff8000000000000", "NaN")]
    [InlineData("fbfff0000000000000", "-Infinity")]
    public void Format_Float_MatchesRfc(string hex, string diagnostic)
    {
        AssertDecodes(hex, diagnostic);
    }

    [Theory]
    [InlineData("f4", "false")]
    [InlineData("f5", "true")]
    [InlineData("f6", "null")]
    [InlineData("f7", "undefined")]
    [InlineData("f0", "simple(16)")]
    [InlineData("f8ff", "simple(255)")]
    [InlineData("c074323031332d30332d32315432303a30343a30305a", "0(\"2013-03-21T20:04:00Z\")")]
    [InlineData("c11a514b67b0", "1(1363896240)")]
    [InlineData("c1fb41d452d9ec200000", "1(1363896240.5)")]
    [InlineData("d74401020304", "23(h'01020304')")]
    [InlineData("d818456449455446", "24(h'6449455446')")]
    [InlineData("d82076687474703a2f2f7777772e6578616d706c652e636f6d", "32(\"http://www.example.com\")")]
    public void Format_SimpleValueOrTag_MatchesRfc(string hex, string diagnostic)
    {
        AssertDecodes(hex, diagnostic);
    }

    [Theory]
    [InlineData("40", "h''")]
    [InlineData("4401020304", "h'01020304'")]
    [InlineData("60", "\"\"")]
    [InlineData("6161", "\"a\"")]
    [InlineData("6449455446", "\"IETF\"")]
    [InlineData("62225c", "\"\\\"\\\\\"")]
    [InlineData("62c3bc", "\"\\u00fc\"")]
    [InlineData("63e6b0b4", "\"\\u6c34\"")]
    [InlineData("64f0908591", "\"\\ud800\\udd51\"")]
    [InlineData("5f42010243030405ff", "(_ h'0102', h'030405')")]
    [InlineData("7f657374726561646d696e67ff", "(_ \"strea\", \"ming\")")]
    public void Format_String_MatchesRfc(string hex, string diagnostic)
    {
        AssertDecodes(hex, diagnostic);
    }

    [Theory]
    [InlineData("80", "[]")]
    [InlineData("83010203", "[1, 2, 3]")]
    [InlineData("8301820203820405", "[1, [2, 3], [4, 5]]")]
    [InlineData("a0", "{}")]
    [InlineData("a201020304", "{1: 2, 3: 4}")]
    [InlineData("a26161016162820203", "{\"a\": 1, \"b\": [2, 3]}")]
    [InlineData("826161a161626163", "[\"a\", {\"b\": \"c\"}]")]
    [InlineData("a56161614161626142616361436164614461656145", "{\"a\": \"A\", \"b\": \"B\", \"c\": \"C\", \"d\": \"D\", \"e\": \"E\"}")]
    [InlineData("9fff", "[_ ]")]
    [InlineData("9f018202039f0405ffff", "[_ 1, [2, 3], [_ 4, 5]]")]
    [InlineData("9f01820203820405ff", "[_ 1, [2, 3], [4, 5]]")]
    [InlineData("83018202039f0405ff", "[1, [2, 3], [_ 4, 5]]")]
    [InlineData("83019f0203ff820405", "[1, [_ 2, 3], [4, 5]]")]
    [InlineData("bf61610161629f0203ffff", "{_ \"a\": 1, \"b\": [_ 2, 3]}")]
    [InlineData("826161bf61626163ff", "[\"a\", {_ \"b\": \"c\"}]")]
    [InlineData("bf6346756ef563416d7421ff", "{_ \"Fun\": true, \"Amt\": -2}")]
    public void Format_Container_MatchesRfc(string hex, string diagnostic)
    {
        AssertDecodes(hex, diagnostic);
    }

    [Theory]
    [InlineData("98190102030405060708090a0b0c0d0e0f101112131415161718181819", "[")]
    [InlineData("9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", "[_ ")]
    public void Format_TwentyFiveItemArray_ListsOneToTwentyFive(string hex, string opening)
    {
        AssertDecodes(hex, opening + string.Join(", ", Enumerable.Range(1, 25)) + "]");
    }

    private static void AssertDecodes(string hex, string diagnostic)
    {
        var bytes = Convert.FromHexString(hex);

        CborDecoder.GetItemLength(bytes).ShouldBe(bytes.Length);
        CborDecoder.TryReadItem(bytes, out var length, out var error).ShouldBe(CborReadStatus.Complete);
        length.ShouldBe(bytes.Length);
        error.ShouldBeNull();
        CborDiagnostic.Format(bytes).ShouldBe(diagnostic);
    }
}
