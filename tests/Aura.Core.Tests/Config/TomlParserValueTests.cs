using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class TomlParserValueTests
{
    [Fact]
    public void Parse_BasicStringWithEveryEscape_DecodesEach()
    {
        var toml = TomlParser.Parse("""s = "q\" b\\ n\n t\t r\r b\b f\f" """);

        toml["s"].ShouldBe("q\" b\\ n\n t\t r\r b\b f\f");
    }

    [Theory]
    [InlineData(@"s = ""\u00E9""", "é")]
    [InlineData(@"s = ""\u00e9t\u00E9""", "été")]
    [InlineData(@"s = ""\U0001F600""", "😀")]
    [InlineData(@"s = ""\U00000041""", "A")]
    [InlineData(@"s = ""\u0000""", "\0")]
    public void Parse_UnicodeEscape_DecodesToTheScalar(string line, string expected)
    {
        TomlParser.Parse(line)["s"].ShouldBe(expected);
    }

    [Fact]
    public void Parse_LiteralString_KeepsBackslashesAndDoubleQuotes()
    {
        var toml = TomlParser.Parse("""path = 'C:\Users\"you"\n'""");

        toml["path"].ShouldBe("""C:\Users\"you"\n""");
    }

    [Fact]
    public void Parse_EmptyStrings_AreEmpty()
    {
        var toml = TomlParser.Parse("a = \"\"\nb = ''");

        toml["a"].ShouldBe("");
        toml["b"].ShouldBe("");
    }

    [Fact]
    public void Parse_HashInsideString_IsNotAComment()
    {
        var toml = TomlParser.Parse("a = \"x # y\" # real comment\nb = 'p # q'");

        toml["a"].ShouldBe("x # y");
        toml["b"].ShouldBe("p # q");
    }

    [Fact]
    public void Parse_NonAsciiTextInString_IsKeptAsIs()
    {
        TomlParser.Parse("s = \"日本語 ✓\"")["s"].ShouldBe("日本語 ✓");
    }

    [Fact]
    public void Parse_MultiLineBasicString_DropsTheFirstNewlineAndNormalizesCrlf()
    {
        var toml = TomlParser.Parse("s = \"\"\"\r\none\r\n  two\\t\n\"\"\"");

        toml["s"].ShouldBe("one\n  two\t\n");
    }

    [Fact]
    public void Parse_MultiLineBasicStringWithLineEndingBackslash_JoinsTheLines()
    {
        var toml = TomlParser.Parse("s = \"\"\"\\\n    The quick \\   \n\n    brown fox.\\\n    \"\"\"");

        toml["s"].ShouldBe("The quick brown fox.");
    }

    [Theory]
    [InlineData("s = \"\"\"a\"b\"\"c\"\"\"", "a\"b\"\"c")]
    [InlineData("s = \"\"\"a\"\"\"\"", "a\"")]
    [InlineData("s = \"\"\"a\"\"\"\"\"", "a\"\"")]
    [InlineData("s = \"\"\"\"\"\"", "")]
    [InlineData("s = '''it's'''''", "it's''")]
    public void Parse_QuotesInsideMultiLineString_AreContent(string line, string expected)
    {
        TomlParser.Parse(line)["s"].ShouldBe(expected);
    }

    [Fact]
    public void Parse_MultiLineLiteralString_KeepsEscapesAndNewlinesVerbatim()
    {
        var toml = TomlParser.Parse("s = '''\nfirst \\n line\n  second \\\n'''");

        toml["s"].ShouldBe("first \\n line\n  second \\\n");
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("+17", 17L)]
    [InlineData("-17", -17L)]
    [InlineData("-0", 0L)]
    [InlineData("86400", 86_400L)]
    [InlineData("1_000_000", 1_000_000L)]
    [InlineData("5_3_9", 539L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0xDEAD_beef", 0xDEADBEEFL)]
    [InlineData("0x7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("0x00ff", 255L)]
    [InlineData("0o755", 493L)]
    [InlineData("0b1101_0110", 214L)]
    public void Parse_Integer_ReturnsInt64(string literal, long expected)
    {
        var value = TomlParser.Parse($"n = {literal}")["n"];

        value.ShouldBeOfType<long>().ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("+3.0", 3.0)]
    [InlineData("-0.25", -0.25)]
    [InlineData("0.0", 0.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E-2", 0.01)]
    [InlineData("5e+22", 5e22)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("-2.5E1_0", -2.5e10)]
    [InlineData("1e007", 1e7)]
    [InlineData("0e0", 0.0)]
    [InlineData("1_000.000_1", 1000.0001)]
    [InlineData("9_224_617.445_991_228_313", 9224617.445991228313)]
    public void Parse_Float_ReturnsDouble(string literal, double expected)
    {
        var value = TomlParser.Parse($"x = {literal}")["x"];

        value.ShouldBeOfType<double>().ShouldBe(expected);
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void Parse_Infinity_ReturnsInfiniteDouble(string literal, double expected)
    {
        TomlParser.Parse($"x = {literal}")["x"].ShouldBe(expected);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("+nan")]
    [InlineData("-nan")]
    public void Parse_Nan_ReturnsNan(string literal)
    {
        double.IsNaN(TomlParser.Parse($"x = {literal}")["x"].ShouldBeOfType<double>()).ShouldBeTrue();
    }

    [Fact]
    public void Parse_Booleans_ReturnBool()
    {
        var toml = TomlParser.Parse("yes = true\nno = false");

        toml["yes"].ShouldBe(true);
        toml["no"].ShouldBe(false);
    }

    [Fact]
    public void Parse_EmptyArray_IsEmpty()
    {
        TomlParser.Parse("a = [ ]")["a"].ShouldBeAssignableTo<IReadOnlyList<object>>()!.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_ArrayOfStrings_KeepsOrderAndCommasInsideStrings()
    {
        var array = (IReadOnlyList<object>)TomlParser.Parse("""api_keys = ["k1", 'k,2', "k]3"]""")["api_keys"];

        array.ShouldBe(["k1", "k,2", "k]3"]);
    }

    [Fact]
    public void Parse_MixedArray_KeepsEachType()
    {
        var array = (IReadOnlyList<object>)TomlParser.Parse("a = [1, 2.5, \"x\", true, [ ]]")["a"];

        array.Count.ShouldBe(5);
        array[0].ShouldBe(1L);
        array[1].ShouldBe(2.5);
        array[2].ShouldBe("x");
        array[3].ShouldBe(true);
        array[4].ShouldBeAssignableTo<IReadOnlyList<object>>()!.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_NestedArrays_NestLists()
    {
        var array = (IReadOnlyList<object>)TomlParser.Parse("a = [[1, 2], [[3]], []]")["a"];

        ((IReadOnlyList<object>)array[0]).ShouldBe([1L, 2L]);
        var inner = (IReadOnlyList<object>)((IReadOnlyList<object>)array[1])[0];
        inner.ShouldBe([3L]);
        ((IReadOnlyList<object>)array[2]).ShouldBeEmpty();
    }

    [Fact]
    public void Parse_MultiLineArrayWithCommentsAndTrailingComma_ReadsEveryElement()
    {
        const string Text = """
            hosts = [  # the first comment
              "a",     # after an element
              # a whole-line comment

              "b"
              ,
              "c",     # trailing comma next
            ]
            after = 1
            """;

        var toml = TomlParser.Parse(Text);

        ((IReadOnlyList<object>)toml["hosts"]).ShouldBe(["a", "b", "c"]);
        toml["after"].ShouldBe(1L);
    }

    [Fact]
    public void Parse_Array_IsReadOnly()
    {
        var array = (IReadOnlyList<object>)TomlParser.Parse("a = [1]")["a"];

        array.ShouldBeAssignableTo<ICollection<object>>()!.IsReadOnly.ShouldBeTrue();
    }
}
