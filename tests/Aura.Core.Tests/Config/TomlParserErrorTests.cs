using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class TomlParserErrorTests
{
    [Fact]
    public void Parse_DuplicateKeyInTable_NamesKeyTableAndBothLines()
    {
        var error = Should.Throw<TomlException>(() => TomlParser.Parse("[persistence]\ndb_path = 'a'\ndb_path = 'b'"));

        error.Message.ShouldBe("line 3, column 1: duplicate key 'db_path' in table [persistence] (first defined on line 2)");
        error.Line.ShouldBe(3);
        error.Column.ShouldBe(1);
    }

    [Theory]
    [InlineData("a = 1\na = 2", 2, 1, "duplicate key 'a' in the root table (first defined on line 1)")]
    [InlineData("a = 1\n\"a\" = 2", 2, 1, "duplicate key 'a' in the root table")]
    [InlineData("a = 1\n'a' = 2", 2, 1, "duplicate key 'a' in the root table")]
    [InlineData("x.y = 1\nx.y = 2", 2, 1, "duplicate key 'y' in table [x]")]
    [InlineData("a.b = 1\na = 2", 2, 1, "duplicate key 'a' in the root table")]
    [InlineData("[s]\n\"k v\" = 1\n\"k v\" = 2", 3, 1, "duplicate key \"k v\" in table [s]")]
    public void Parse_DuplicateKey_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("[a]\n[a]", 2, 1, "duplicate table [a] (first defined on line 1)")]
    [InlineData("[a]\nx = 1\n[b]\n[ a ]", 4, 1, "duplicate table [a] (first defined on line 1)")]
    [InlineData("[a.b]\n[a]\n[a]", 3, 1, "duplicate table [a] (first defined on line 2)")]
    [InlineData("[a.b]\n[a.b]", 2, 1, "duplicate table [a.b]")]
    [InlineData("a.b = 1\n[a]", 2, 1, "duplicate table [a]: already defined by dotted keys on line 1")]
    [InlineData("[fruit]\napple.color = 'red'\n[fruit.apple]", 3, 1, "duplicate table [fruit.apple]: already defined by dotted keys")]
    [InlineData("[a.b.c]\n[a]\nb.d = 1\n[a.b]", 4, 1, "duplicate table [a.b]: already defined by dotted keys")]
    public void Parse_DuplicateTable_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a = 1\n[a]", 2, 1, "cannot define table [a]: key 'a' is already a value (line 1)")]
    [InlineData("a = [1]\n[a.b]", 2, 1, "cannot define table [a.b]: key 'a' is already a value (line 1)")]
    [InlineData("[t]\nk = 'v'\n[t.k]", 3, 1, "cannot define table [t.k]: key 't.k' is already a value (line 2)")]
    [InlineData("a = 1\na.b = 2", 2, 1, "cannot use key 'a' as a table: it is already a value (line 1)")]
    [InlineData("[t]\nk = 1\n  k.x = 2", 3, 3, "cannot use key 't.k' as a table")]
    [InlineData("[a.b]\nx = 1\n[a]\nb.y = 2", 4, 1, "cannot add to table [a.b] with dotted keys: it is defined by a header on line 1")]
    public void Parse_KeyRedefinedAsTable_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a = \"abc", 1, 5, "unterminated string")]
    [InlineData("a = \"abc\nb = 1", 1, 5, "unterminated string: a \"...\" string must end on the line it starts")]
    [InlineData("a = \"abc\r\nb = 1", 1, 5, "unterminated string")]
    [InlineData("x = 1\na = 'abc", 2, 5, "unterminated string: a '...' string must end on the line it starts")]
    [InlineData("a = 'ab\ncd'", 1, 5, "unterminated string")]
    [InlineData("a = \"\"\"abc\n\"\"", 1, 5, "unterminated multi-line string: no closing \"\"\"")]
    [InlineData("a = '''abc", 1, 5, "unterminated multi-line string: no closing '''")]
    [InlineData("a = \"abc\\", 1, 5, "unterminated string")]
    [InlineData("a = [1, 2", 1, 5, "unterminated array: no closing ']'")]
    [InlineData("a = [\n  1,\n  2,\n", 1, 5, "unterminated array")]
    [InlineData("a = \"\"\"x\"\"\"\"\"\"", 1, 9, "too many quotes")]
    public void Parse_UnterminatedValue_ThrowsAtItsStart(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData(@"a = ""\x""", 1, 6, @"invalid escape sequence '\x'")]
    [InlineData(@"a = ""ok\ "" ", 1, 8, @"invalid escape sequence '\ '")]
    [InlineData(@"a = ""\a""", 1, 6, @"invalid escape sequence '\a'")]
    [InlineData(@"a = ""\e""", 1, 6, @"invalid escape sequence '\e'")]
    [InlineData(@"a = ""\u12""", 1, 6, @"invalid escape sequence: \u needs exactly 4 hex digits")]
    [InlineData(@"a = ""\u12G4""", 1, 6, @"invalid escape sequence: \u needs exactly 4 hex digits")]
    [InlineData(@"a = ""\U0001F60""", 1, 6, @"invalid escape sequence: \U needs exactly 8 hex digits")]
    [InlineData(@"a = ""\uD800""", 1, 6, @"invalid escape sequence \uD800: not a Unicode scalar value")]
    [InlineData(@"a = ""\U00110000""", 1, 6, @"invalid escape sequence \U00110000: not a Unicode scalar value")]
    [InlineData("a = \"\"\"\nok\n  \\q\"\"\"", 3, 3, @"invalid escape sequence '\q'")]
    public void Parse_BadEscape_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a = 1 2", 1, 7, "unexpected '2' after the value; expected a comment or the end of the line")]
    [InlineData("a = \"x\"y", 1, 8, "unexpected 'y' after the value")]
    [InlineData("a = 'x' 'y'", 1, 9, "unexpected ''' after the value")]
    [InlineData("a = [1] ,", 1, 9, "unexpected ',' after the value")]
    [InlineData("a = true false", 1, 10, "unexpected 'f' after the value")]
    [InlineData("[a] b = 1", 1, 5, "unexpected 'b' after the table header")]
    [InlineData("[a]]", 1, 4, "unexpected ']' after the table header")]
    [InlineData("a = 1 b = 2", 1, 7, "unexpected 'b' after the value")]
    public void Parse_GarbageAfterValue_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a = 01", "leading zeros are not allowed")]
    [InlineData("a = -01", "leading zeros are not allowed")]
    [InlineData("a = 00", "leading zeros are not allowed")]
    [InlineData("a = 0_0", "leading zeros are not allowed")]
    [InlineData("a = 01.5", "leading zeros are not allowed")]
    [InlineData("a = 1__0", "underscores must sit between digits")]
    [InlineData("a = 1_", "underscores must sit between digits")]
    [InlineData("a = _1", "underscores must sit between digits")]
    [InlineData("a = 1_.5", "underscores must sit between digits")]
    [InlineData("a = 1._5", "underscores must sit between digits")]
    [InlineData("a = 1e_5", "underscores must sit between digits")]
    [InlineData("a = 0x_1", "underscores must sit between digits")]
    [InlineData("a = 1.", "a decimal point must have digits after it")]
    [InlineData("a = .5", "a decimal point must have digits before it")]
    [InlineData("a = +.5", "a decimal point must have digits before it")]
    [InlineData("a = 1.e5", "a decimal point must have digits after it")]
    [InlineData("a = 1e", "an exponent must have digits")]
    [InlineData("a = 1e+", "an exponent must have digits")]
    [InlineData("a = 1.2.3", "unexpected '.'")]
    [InlineData("a = 1-2", "unexpected '-'")]
    [InlineData("a = 0X1F", "unexpected 'X'")]
    [InlineData("a = +", "expected a digit")]
    [InlineData("a = +0x10", "a sign is not allowed on hexadecimal, octal or binary integers")]
    [InlineData("a = -0b1", "a sign is not allowed on hexadecimal, octal or binary integers")]
    [InlineData("a = 0x", "expected hexadecimal digits after '0x'")]
    [InlineData("a = 0xG1", "expected hexadecimal digits after '0x'")]
    [InlineData("a = 0o8", "expected octal digits after '0o'")]
    [InlineData("a = 0b102", "'2' is not a binary digit")]
    [InlineData("a = 0x1.5", "'.' is not a hexadecimal digit")]
    [InlineData("a = 9223372036854775808", "out of range for a 64-bit integer")]
    [InlineData("a = -9223372036854775809", "out of range for a 64-bit integer")]
    [InlineData("a = 0x8000000000000000", "out of range for a 64-bit integer")]
    [InlineData("a = 0x1_0000_0000_0000_0000", "out of range for a 64-bit integer")]
    [InlineData("a = 1e400", "out of range for a 64-bit float")]
    public void Parse_InvalidNumber_NamesTheNumberAndTheProblem(string text, string reason)
    {
        var token = text["a = ".Length..];

        AssertError(text, 1, 5, $"invalid number '{token}': {reason}");
    }

    [Theory]
    [InlineData("a = hello", 1, 5, "invalid value 'hello': strings must be quoted and booleans are lowercase true or false")]
    [InlineData("a = True", 1, 5, "invalid value 'True'")]
    [InlineData("a = truex", 1, 5, "invalid value 'truex'")]
    [InlineData("a = Inf", 1, 5, "invalid value 'Inf'")]
    [InlineData("a = 1979-05-27", 1, 5, "dates and times are not supported (found '1979-05-27')")]
    [InlineData("a = 1979-05-27T07:32:00Z", 1, 5, "dates and times are not supported")]
    [InlineData("a = 07:32:00", 1, 5, "dates and times are not supported")]
    [InlineData("a = { b = 1 }", 1, 5, "inline tables ({ ... }) are not supported")]
    [InlineData("[[servers]]", 1, 1, "arrays of tables ([[name]]) are not supported")]
    [InlineData("a =", 1, 4, "expected a value, found the end of the file")]
    [InlineData("a = \nb = 1", 1, 5, "expected a value, found the end of the line")]
    [InlineData("a = # nothing", 1, 5, "expected a value, found a comment")]
    [InlineData("a = [,1]", 1, 6, "expected a value, found ','")]
    [InlineData("a = [1,,2]", 1, 8, "expected a value, found ','")]
    [InlineData("a = [1 2]", 1, 8, "expected ',' or ']' after an array element, found '2'")]
    [InlineData("a = \"\"\"x\"\"\" = 1", 1, 13, "unexpected '=' after the value")]
    public void Parse_UnsupportedOrMissingValue_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a 1", 1, 3, "expected '=' after key 'a', found '1'")]
    [InlineData("a", 1, 2, "expected '=' after key 'a', found the end of the file")]
    [InlineData("a b = 1", 1, 3, "expected '=' after key 'a', found 'b'")]
    [InlineData("a.b c = 1", 1, 5, "expected '=' after key 'a.b', found 'c'")]
    [InlineData("= 1", 1, 1, "expected a key, found '='")]
    [InlineData("é = 1", 1, 1, "expected a key, found 'é'; keys other than A-Z, a-z, 0-9, '_' and '-' must be quoted")]
    [InlineData("a. = 1", 1, 4, "expected a key, found '='")]
    [InlineData(".a = 1", 1, 1, "expected a key, found '.'")]
    [InlineData("\"\"\"a\"\"\" = 1", 1, 1, "a multi-line string cannot be a key")]
    [InlineData("[a", 1, 3, "expected ']' to close the table header, found the end of the file")]
    [InlineData("[a b]", 1, 4, "expected ']' to close the table header, found 'b'")]
    [InlineData("[]", 1, 2, "expected a key, found ']'")]
    [InlineData("[a.]", 1, 4, "expected a key, found ']'")]
    public void Parse_MalformedKeyOrHeader_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a = \"x\u0001\"", 1, 7, "control character U+0001 must be escaped in a string")]
    [InlineData("a = 'x\u007F'", 1, 7, "control character U+007F is not allowed in a string")]
    [InlineData("a = '''x\u0000'''", 1, 9, "control character U+0000 must be escaped in a string")]
    [InlineData("# bad \u0000 comment", 1, 7, "control character U+0000 is not allowed in a comment")]
    [InlineData("a = 1\rb = 2", 1, 6, "a carriage return must be followed by a line feed")]
    [InlineData("a = 1 \u000B", 1, 7, "unexpected U+000B after the value")]
    [InlineData("\u00A0a = 1", 1, 1, "expected a key, found U+00A0")]
    public void Parse_ForbiddenCharacter_Throws(string text, int line, int column, string reason)
    {
        AssertError(text, line, column, reason);
    }

    [Theory]
    [InlineData("a = 1\r\nb = 2\r\nb = 3", 3, 1)]
    [InlineData("a = \"\"\"\none\ntwo\n\"\"\"\nb = x", 5, 5)]
    [InlineData("a = '''\r\none\r\n'''\r\nb = x", 4, 5)]
    [InlineData("a = [\n  1,\n  # note\n  2,\n]\nb = 1 x", 6, 7)]
    [InlineData("\uFEFFa = 1 2", 1, 7)]
    [InlineData("s = \"\"\"\\\n\n   x\"\"\" y", 3, 9)]
    public void Parse_ErrorAfterMultiLineConstructs_ReportsTheRightPosition(string text, int line, int column)
    {
        var error = Should.Throw<TomlException>(() => TomlParser.Parse(text));

        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
    }

    private static void AssertError(string text, int line, int column, string reason)
    {
        var error = Should.Throw<TomlException>(() => TomlParser.Parse(text));

        error.Message.ShouldStartWith($"line {line}, column {column}: ");
        error.Reason.ShouldStartWith(reason);
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
    }
}
