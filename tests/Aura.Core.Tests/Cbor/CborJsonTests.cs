using System.Buffers;
using System.Text;
using System.Text.Json;
using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>The JSON bridge lets the socket server treat CBOR and JSON requests alike.</summary>
public sealed class CborJsonTests
{
    [Theory]
    [InlineData(JetsonScopeMessages.GetStatsCbor, "\"GetStats\"")]
    [InlineData(JetsonScopeMessages.GetStatsMapCbor, """{"GetStats":null}""")]
    [InlineData(JetsonScopeMessages.SetControlCbor, JetsonScopeMessages.SetControlJson)]
    [InlineData(JetsonScopeMessages.SetControlWithoutTokenCbor, JetsonScopeMessages.SetControlWithoutTokenJson)]
    public void ToJsonUtf8_JetsonScopeRequest_IsTheJsonRequest(string cborHex, string json)
    {
        ToJson(cborHex).ShouldBe(json);
    }

    [Theory]
    [InlineData(JetsonScopeMessages.GetStatsCbor, "\"GetStats\"")]
    [InlineData(JetsonScopeMessages.GetStatsMapCbor, """{"GetStats":null}""")]
    [InlineData(JetsonScopeMessages.SetControlCbor, JetsonScopeMessages.SetControlJson)]
    [InlineData(JetsonScopeMessages.SetControlWithoutTokenCbor, JetsonScopeMessages.SetControlWithoutTokenJson)]
    public void FromJson_JetsonScopeRequest_WritesWhatSerdeWrites(string cborHex, string json)
    {
        Convert.ToHexStringLower(CborJson.FromJson(JsonElement.Parse(json))).ShouldBe(cborHex);
    }

    [Fact]
    public void ToJsonElement_SetControl_ExposesTheVariantAndFields()
    {
        var request = CborJson.ToJsonElement(Convert.FromHexString(JetsonScopeMessages.SetControlCbor));

        var setControl = request.GetProperty("SetControl");
        setControl.GetProperty("control").GetString().ShouldBe("fan");
        setControl.GetProperty("value").GetString().ShouldBe("50");
        setControl.GetProperty("token").GetString().ShouldBe("s3cr3t");
    }

    [Theory]
    [InlineData("""{"Stats":{"source":"socket","data":{"timestamp":"2024-05-01T12:00:00Z","ram":{"used":3012,"total":7620,"lfb":12},"cpu":[{"load":12,"freq":1510},{"load":0,"freq":null}],"gpu":{"load":37.5,"freq":1300},"temps":{"cpu":48.25,"gpu":47.0,"tj":-1.0},"power":{"VDD_IN":{"current":5123,"average":4987.5}}}}}""")]
    [InlineData("""{"Stats":{"source":"synthetic","data":null}}""")]
    [InlineData("""{"Controls":[{"name":"fan","description":"Fan speed","value":"50","options":[],"readonly":false,"min":0,"max":100,"step":1,"requires_sudo":true,"supported":true,"unit":"%"},{"name":"nvpmodel","description":"Power mode","value":"MAXN","options":["MAXN","15W"],"readonly":false,"min":null,"max":null,"step":null,"requires_sudo":true,"supported":false,"unit":null}]}""")]
    [InlineData("""{"ControlState":{"name":"jetson_clocks","description":"Max clocks","value":"on","options":["on","off"],"readonly":false,"min":null,"max":null,"step":null,"requires_sudo":true,"supported":true,"unit":null}}""")]
    [InlineData("""{"Error":{"code":"auth_failed","message":"Authentication failed (invalid or missing token)"}}""")]
    [InlineData("""{"Meta":{"model":"Jetson AGX Orin","l4t":"36.3.0","cuda_arch":8.7,"cores":12,"serial":18446744073709551615,"offset":-9223372036854775809}}""")]
    public void FromJsonThenToJson_JetsonScopeResponse_RoundTripsExactly(string json)
    {
        var cbor = CborJson.FromJson(JsonElement.Parse(json));

        CborDecoder.Validate(cbor);
        Encoding.UTF8.GetString(CborJson.ToJsonUtf8(cbor)).ShouldBe(json);
    }

    [Theory]
    [InlineData("f7", "null")]
    [InlineData("f0", "null")]
    [InlineData("f97e00", "null")]
    [InlineData("f97c00", "null")]
    [InlineData("fbfff0000000000000", "null")]
    [InlineData("4401020304", "\"AQIDBA\"")]
    [InlineData("42fbff", "\"-_8\"")]
    [InlineData("5f42010243030405ff", "\"AQIDBAU\"")]
    [InlineData("c11a514b67b0", "1363896240")]
    [InlineData("c074323031332d30332d32315432303a30343a30305a", "\"2013-03-21T20:04:00Z\"")]
    [InlineData("1bffffffffffffffff", "18446744073709551615")]
    [InlineData("3b7fffffffffffffff", "-9223372036854775808")]
    [InlineData("3bffffffffffffffff", "-18446744073709551616")]
    [InlineData("f93c00", "1.0")]
    [InlineData("f98000", "-0.0")]
    [InlineData("fb3ff199999999999a", "1.1")]
    [InlineData("fa47c35000", "100000.0")]
    [InlineData("fb7e37e43c8800759c", "1E+300")]
    [InlineData("f90001", "5.960464477539063E-08")]
    [InlineData("7f657374726561646d696e67ff", "\"streaming\"")]
    [InlineData("7fff", "\"\"")]
    [InlineData("62c3bc", "\"\\u00FC\"")]
    [InlineData("9f018202039f0405ffff", "[1,[2,3],[4,5]]")]
    [InlineData("bf61610161629f0203ffff", """{"a":1,"b":[2,3]}""")]
    [InlineData("a17f61616161ff01", """{"aa":1}""")]
    public void ToJsonUtf8_CborValue_FollowsRfc8949Section6_1(string hex, string json)
    {
        ToJson(hex).ShouldBe(json);
    }

    [Theory]
    [InlineData("a10102", 1, "map key 1 is not a text string, so the map has no JSON form")]
    [InlineData("a1416101", 1, "map key h'61' is not a text string, so the map has no JSON form")]
    [InlineData("a16161a1f401", 4, "map key false is not a text string, so the map has no JSON form")]
    [InlineData("a2c1616101616102", 1, "map key 1(\"a\") is tagged, so the map has no JSON form")]
    [InlineData("0102", 1, "the data item ends here, but 1 more byte follows")]
    [InlineData("a2616101616102", 4, "duplicate map key \"a\" in the map at offset 0")]
    public void ToJsonUtf8_NoJsonForm_Throws(string hex, int offset, string reason)
    {
        var error = Should.Throw<CborException>(() => CborJson.ToJsonUtf8(Convert.FromHexString(hex)));

        error.Offset.ShouldBe(offset);
        error.Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("0", "00")]
    [InlineData("-1", "20")]
    [InlineData("-0", "00")]
    [InlineData("1000", "1903e8")]
    [InlineData("18446744073709551615", "1bffffffffffffffff")]
    [InlineData("-18446744073709551616", "3bffffffffffffffff")]
    [InlineData("18446744073709551616", "fa5f800000")]
    [InlineData("1.0", "f93c00")]
    [InlineData("1e3", "f963d0")]
    [InlineData("-0.0", "f98000")]
    [InlineData("0.1", "fb3fb999999999999a")]
    [InlineData("true", "f5")]
    [InlineData("null", "f6")]
    [InlineData("[]", "80")]
    [InlineData("{}", "a0")]
    public void FromJson_Scalar_KeepsIntegersIntegral(string json, string hex)
    {
        Convert.ToHexStringLower(CborJson.FromJson(JsonElement.Parse(json))).ShouldBe(hex);
    }

    [Theory]
    [InlineData("\"a\\\"b\\u00fc\\n\"", "66612262c3bc0a")]
    [InlineData("\"\u00fc\u6c34\U00010151\"", "69c3bce6b0b4f0908591")]
    [InlineData("{\"\\u0061\":1}", "a1616101")]
    public void FromJson_Text_WritesUnescapedUtf8(string json, string hex)
    {
        Convert.ToHexStringLower(CborJson.FromJson(JsonElement.Parse(json))).ShouldBe(hex);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1,"\u0061":2}""")]
    [InlineData("[1, 1e400]")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{\"\\udc00\":1}")]
    [InlineData("{\"\\udc00\":1,\"b\":2}")]
    public void FromJson_NoCborForm_Throws(string json)
    {
        Should.Throw<ArgumentException>(() => CborJson.FromJson(JsonElement.Parse(json)));
    }

    [Fact]
    public void FromJson_DefaultElement_Throws()
    {
        Should.Throw<ArgumentException>(() => CborJson.FromJson(default));
    }

    [Fact]
    public void FromJson_IntoBufferWriter_WritesTheSameBytes()
    {
        var element = JsonElement.Parse(JetsonScopeMessages.SetControlJson);
        var buffer = new ArrayBufferWriter<byte>();

        CborJson.FromJson(element, buffer);

        buffer.WrittenSpan.ToArray().ShouldBe(CborJson.FromJson(element));
    }

    [Fact]
    public void ToJsonElement_NonAsciiText_ReadsBackTheSameString()
    {
        CborJson.ToJsonElement(Convert.FromHexString("69c3bce6b0b4f0908591")).GetString().ShouldBe("\u00fc\u6c34\U00010151");
    }

    private static string ToJson(string hex) => Encoding.UTF8.GetString(CborJson.ToJsonUtf8(Convert.FromHexString(hex)));
}
