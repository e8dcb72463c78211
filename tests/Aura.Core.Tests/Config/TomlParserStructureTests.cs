using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class TomlParserStructureTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n\r\n")]
    [InlineData("   \t  ")]
    [InlineData("# only a comment")]
    [InlineData("# one\n  # two\n\n")]
    public void Parse_DocumentWithoutKeys_ReturnsEmptyTable(string text)
    {
        TomlParser.Parse(text).Count.ShouldBe(0);
    }

    [Fact]
    public void Parse_AuraConfigExample_ReadsPersistenceTable()
    {
        const string Text = """
            [persistence]
            db_path = "C:/Users/you/AppData/Roaming/Aura/telemetry.sqlite"
            retention_seconds = 86400
            """;

        var toml = TomlParser.Parse(Text);

        toml.TryGetString("persistence.db_path", out var path).ShouldBeTrue();
        path.ShouldBe("C:/Users/you/AppData/Roaming/Aura/telemetry.sqlite");
        toml.TryGetInt64("persistence.retention_seconds", out var seconds).ShouldBeTrue();
        seconds.ShouldBe(86400);
    }

    [Fact]
    public void Parse_KeysBeforeFirstHeader_GoToRootAndKeysAfterGoToTheTable()
    {
        var toml = TomlParser.Parse("top = 1\n[server]\nport = 8080\n[persistence]\ndb_path = 'x'");

        toml.Keys.ShouldBe(["top", "server", "persistence"]);
        toml.TryGetInt64("server.port", out var port).ShouldBeTrue();
        port.ShouldBe(8080);
        toml.TryGetTable("server", out var server).ShouldBeTrue();
        server.ContainsKey("db_path").ShouldBeFalse();
    }

    [Fact]
    public void Parse_DottedHeader_CreatesNestedTables()
    {
        var toml = TomlParser.Parse("[a.b.c]\nx = 1");

        toml.TryGetInt64("a.b.c.x", out var x).ShouldBeTrue();
        x.ShouldBe(1);
    }

    [Fact]
    public void Parse_SuperTableAfterSubTable_IsAllowedOnce()
    {
        var toml = TomlParser.Parse("[x.y.z]\nw = 1\n[x]\nv = 2");

        toml.TryGetInt64("x.y.z.w", out var w).ShouldBeTrue();
        w.ShouldBe(1);
        toml.TryGetInt64("x.v", out var v).ShouldBeTrue();
        v.ShouldBe(2);
    }

    [Fact]
    public void Parse_TablesInAnyOrder_KeepDocumentOrder()
    {
        var toml = TomlParser.Parse("[zeta]\n[alpha]\n[mid]\nb = 1\na = 2");

        toml.Keys.ShouldBe(["zeta", "alpha", "mid"]);
        ((TomlTable)toml["mid"]).Keys.ShouldBe(["b", "a"]);
    }

    [Fact]
    public void Parse_HeaderWithWhitespaceAndQuotedKeys_NamesTheRightTable()
    {
        var toml = TomlParser.Parse("[ a . \"b c\" . 'd.e' ]\nx = 1");

        toml.TryGetTable("a", out var a).ShouldBeTrue();
        a.TryGetValue("b c", out var bc).ShouldBeTrue();
        ((TomlTable)bc!).TryGetValue("d.e", out var de).ShouldBeTrue();
        ((TomlTable)de!)["x"].ShouldBe(1L);
    }

    [Fact]
    public void Parse_DottedKeys_CreateNestedTables()
    {
        var toml = TomlParser.Parse("server.tls.enabled = true\nserver.port = 9000\nserver . host = 'localhost'");

        toml.TryGetBoolean("server.tls.enabled", out var enabled).ShouldBeTrue();
        enabled.ShouldBeTrue();
        toml.TryGetInt64("server.port", out var port).ShouldBeTrue();
        port.ShouldBe(9000);
        toml.TryGetString("server.host", out var host).ShouldBeTrue();
        host.ShouldBe("localhost");
    }

    [Fact]
    public void Parse_DottedKeysInsideTable_NestUnderThatTable()
    {
        var toml = TomlParser.Parse("[fruit]\napple.color = 'red'\napple.taste.sweet = true");

        toml.TryGetString("fruit.apple.color", out var color).ShouldBeTrue();
        color.ShouldBe("red");
        toml.TryGetBoolean("fruit.apple.taste.sweet", out var sweet).ShouldBeTrue();
        sweet.ShouldBeTrue();
    }

    [Fact]
    public void Parse_HeaderForSubTableOfDottedTable_IsAllowed()
    {
        var toml = TomlParser.Parse("[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true");

        toml.TryGetBoolean("fruit.apple.texture.smooth", out var smooth).ShouldBeTrue();
        smooth.ShouldBeTrue();
        toml.TryGetString("fruit.apple.color", out _).ShouldBeTrue();
    }

    [Fact]
    public void Parse_DottedKeysIntoImplicitTable_ExtendIt()
    {
        var toml = TomlParser.Parse("[a.b.c]\nz = 1\n[a]\nb.d = 2");

        toml.TryGetInt64("a.b.c.z", out _).ShouldBeTrue();
        toml.TryGetInt64("a.b.d", out var d).ShouldBeTrue();
        d.ShouldBe(2);
    }

    [Fact]
    public void Parse_QuotedKeyWithDot_IsOneKey()
    {
        var toml = TomlParser.Parse("\"a.b\" = 1\n'' = 2\n[t]\n\"\" . x = 3");

        toml["a.b"].ShouldBe(1L);
        toml.ContainsKey("a").ShouldBeFalse();
        toml[""].ShouldBe(2L);
        toml.TryGetTable("t", out var t).ShouldBeTrue();
        ((TomlTable)t[""])["x"].ShouldBe(3L);
    }

    [Fact]
    public void Parse_QuotedKeyWithEscape_DecodesTheKey()
    {
        TomlParser.Parse("\"\\u00e9t\\u00e9\" = 1")["été"].ShouldBe(1L);
    }

    [Fact]
    public void Parse_BareKeysOfDigitsDashesAndUnderscores_AreKeys()
    {
        var toml = TomlParser.Parse("1234 = 'a'\nbare-key_2 = 'b'\n3.14 = 'c'");

        toml["1234"].ShouldBe("a");
        toml["bare-key_2"].ShouldBe("b");
        toml.TryGetString("3.14", out var pi).ShouldBeTrue();
        pi.ShouldBe("c");
    }

    [Fact]
    public void Parse_CrlfLineEndings_ParseLikeLf()
    {
        var toml = TomlParser.Parse("# c\r\n[persistence]\r\ndb_path = 'x' # c\r\nkeys = [\r\n  1,\r\n  2,\r\n]\r\n");

        toml.TryGetString("persistence.db_path", out var path).ShouldBeTrue();
        path.ShouldBe("x");
        toml.TryGetArray("persistence.keys", out var keys).ShouldBeTrue();
        keys.ShouldBe([1L, 2L]);
        toml.LineAt("persistence.keys").ShouldBe(4);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        var toml = TomlParser.Parse("\uFEFF[persistence]\ndb_path = 'x'");

        toml.TryGetString("persistence.db_path", out _).ShouldBeTrue();
    }

    [Fact]
    public void Parse_CommentsAndTabsEverywhere_AreIgnored()
    {
        const string Text = "# header comment\n\t[\tpersistence\t]\t# after header\n\t\tdb_path\t=\t\"x\"\t# after value\n# between\nretention_seconds=5#tight\n# at the end without newline";

        var toml = TomlParser.Parse(Text);

        toml.TryGetString("persistence.db_path", out var path).ShouldBeTrue();
        path.ShouldBe("x");
        toml.TryGetInt64("persistence.retention_seconds", out var seconds).ShouldBeTrue();
        seconds.ShouldBe(5);
    }

    [Fact]
    public void Parse_CommentWithQuotesAndBrackets_IsIgnored()
    {
        var toml = TomlParser.Parse("a = 1 # \"unterminated ' [x] = { ]\n# [not.a.table]\nb = 2");

        toml.Keys.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Parse_Keys_RememberTheLineThatDefinedThem()
    {
        var toml = TomlParser.Parse("\n[persistence]\n\ndb_path = 'x'\nlist = [\n1,\n]\nafter = 1\n[z.y]");

        toml.LineOf("persistence").ShouldBe(2);
        toml.LineAt("persistence.db_path").ShouldBe(4);
        toml.LineAt("persistence.list").ShouldBe(5);
        toml.LineAt("persistence.after").ShouldBe(8);
        toml.LineAt("z.y").ShouldBe(9);
    }

    [Fact]
    public void Parse_ImplicitTableDefinedLater_TakesTheHeaderLine()
    {
        var toml = TomlParser.Parse("[a.b]\n\n[a]");

        toml.LineOf("a").ShouldBe(3);
    }
}
