using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class TomlTableTests
{
    private static readonly TomlTable Sample = TomlParser.Parse("""
        name = "aura"
        [server]
        port = 8080
        ratio = 0.5
        tls = false
        api_keys = ["a", "b"]
        [server.limits]
        rps = 10
        """);

    [Fact]
    public void TryGetString_StringAtPath_ReturnsIt()
    {
        Sample.TryGetString("name", out var name).ShouldBeTrue();
        name.ShouldBe("aura");
    }

    [Theory]
    [InlineData("server.port")]
    [InlineData("server.missing")]
    [InlineData("nowhere.name")]
    [InlineData("name.inner")]
    [InlineData("server")]
    [InlineData("")]
    public void TryGetString_MissingOrOtherType_ReturnsFalse(string path)
    {
        Sample.TryGetString(path, out var value).ShouldBeFalse();
        value.ShouldBeNull();
    }

    [Fact]
    public void TryGetInt64_Integer_ReturnsIt()
    {
        Sample.TryGetInt64("server.limits.rps", out var rps).ShouldBeTrue();
        rps.ShouldBe(10);
    }

    [Fact]
    public void TryGetInt64_Float_ReturnsFalse()
    {
        Sample.TryGetInt64("server.ratio", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetDouble_IntegerOrFloat_ReturnsDouble()
    {
        Sample.TryGetDouble("server.port", out var port).ShouldBeTrue();
        port.ShouldBe(8080.0);
        Sample.TryGetDouble("server.ratio", out var ratio).ShouldBeTrue();
        ratio.ShouldBe(0.5);
        Sample.TryGetDouble("server.tls", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetBoolean_Boolean_ReturnsIt()
    {
        Sample.TryGetBoolean("server.tls", out var tls).ShouldBeTrue();
        tls.ShouldBeFalse();
        Sample.TryGetBoolean("server.port", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetArray_Array_ReturnsElements()
    {
        Sample.TryGetArray("server.api_keys", out var keys).ShouldBeTrue();
        keys.ShouldBe(["a", "b"]);
        Sample.TryGetArray("server.port", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetTable_Table_ReturnsItInDocumentOrder()
    {
        Sample.TryGetTable("server", out var server).ShouldBeTrue();
        server.Keys.ShouldBe(["port", "ratio", "tls", "api_keys", "limits"]);
        Sample.TryGetTable("name", out _).ShouldBeFalse();
    }

    [Fact]
    public void GetEnumerator_YieldsPairsInDocumentOrder()
    {
        var pairs = new List<string>();
        foreach (var (key, value) in (TomlTable)Sample["server"])
        {
            pairs.Add($"{key}:{value.GetType().Name}");
        }

        pairs.ShouldBe(["port:Int64", "ratio:Double", "tls:Boolean", "api_keys:ReadOnlyCollection`1", "limits:TomlTable"]);
    }

    [Fact]
    public void LineAt_Path_ReturnsTheDefiningLineOrNull()
    {
        Sample.LineAt("server.api_keys").ShouldBe(6);
        Sample.LineAt("server.limits.rps").ShouldBe(8);
        Sample.LineAt("server.nope").ShouldBeNull();
        Sample.LineAt("name.inner").ShouldBeNull();
    }
}
