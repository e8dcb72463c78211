using System.Globalization;
using System.Text;

namespace Aura.Core.Config;

/// <summary>Basic and literal strings, single- and multi-line, with TOML 1.0 escapes.</summary>
internal sealed partial class TomlParser
{
    private bool IsTripleQuote(char quote) =>
        _pos + 2 < _text.Length && _text[_pos] == quote && _text[_pos + 1] == quote && _text[_pos + 2] == quote;

    private string ParseBasicString()
    {
        var line = _line;
        var column = Column;
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r')
            {
                throw Error(line, column, "unterminated string: a \"...\" string must end on the line it starts (use \"\"\" for a multi-line string)");
            }

            var c = Current;
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                ParseEscape(builder, line, column);
                continue;
            }

            AppendStringChar(builder, c);
        }
    }

    private string ParseLiteralString()
    {
        var line = _line;
        var column = Column;
        _pos++;
        var start = _pos;
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r')
            {
                throw Error(line, column, "unterminated string: a '...' string must end on the line it starts (use ''' for a multi-line string)");
            }

            if (Current == '\'')
            {
                var value = _text[start.._pos];
                _pos++;
                return value;
            }

            if (TomlText.IsForbiddenControl(Current))
            {
                throw Error($"control character {TomlText.Describe(Current)} is not allowed in a string");
            }

            _pos++;
        }
    }

    /// <summary>A <c>"""</c> or <c>'''</c> string; a newline right after the opening delimiter is dropped and CRLF becomes LF.</summary>
    private string ParseMultiLineString(char quote)
    {
        var line = _line;
        var column = Column;
        _pos += 3;
        TryConsumeNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(line, column, $"unterminated multi-line string: no closing {quote}{quote}{quote}");
            }

            var c = Current;
            if (c == quote)
            {
                var run = 0;
                while (_pos + run < _text.Length && _text[_pos + run] == quote)
                {
                    run++;
                }

                if (run >= 3)
                {
                    // Up to two quotes may sit right before the closing delimiter: """a""""" is a + two quotes.
                    if (run > 5)
                    {
                        throw Error($"too many quotes: at most two {quote} may come right before the closing {quote}{quote}{quote}");
                    }

                    builder.Append(quote, run - 3);
                    _pos += run;
                    return builder.ToString();
                }

                builder.Append(quote, run);
                _pos += run;
            }
            else if (c is '\n' or '\r')
            {
                TryConsumeNewline();
                builder.Append('\n');
            }
            else if (c == '\\' && quote == '"')
            {
                if (!TrySkipLineEndingBackslash())
                {
                    ParseEscape(builder, line, column);
                }
            }
            else
            {
                AppendStringChar(builder, c);
            }
        }
    }

    /// <summary>A backslash that ends a line in a <c>"""</c> string swallows the newline and the indentation after it.</summary>
    private bool TrySkipLineEndingBackslash()
    {
        var next = _pos + 1;
        while (next < _text.Length && _text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next >= _text.Length || _text[next] is not ('\n' or '\r'))
        {
            return false;
        }

        _pos = next;
        while (!AtEnd)
        {
            if (Current is ' ' or '\t')
            {
                _pos++;
            }
            else if (!TryConsumeNewline())
            {
                break;
            }
        }

        return true;
    }

    private void AppendStringChar(StringBuilder builder, char c)
    {
        if (TomlText.IsForbiddenControl(c))
        {
            throw Error($"control character {TomlText.Describe(c)} must be escaped in a string");
        }

        builder.Append(c);
        _pos++;
    }

    private void ParseEscape(StringBuilder builder, int stringLine, int stringColumn)
    {
        var column = Column;
        _pos++;
        if (AtEnd)
        {
            throw Error(stringLine, stringColumn, "unterminated string");
        }

        var c = Current;
        _pos++;
        switch (c)
        {
            case 'b': builder.Append('\b'); break;
            case 't': builder.Append('\t'); break;
            case 'n': builder.Append('\n'); break;
            case 'f': builder.Append('\f'); break;
            case 'r': builder.Append('\r'); break;
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case 'u': AppendUnicodeEscape(builder, 4, column); break;
            case 'U': AppendUnicodeEscape(builder, 8, column); break;
            default:
                var shown = c is '\n' or '\r' ? "a backslash at the end of the line" : $"'\\{c}'";
                throw Error(_line, column, $"invalid escape sequence {shown}; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX");
        }
    }

    private void AppendUnicodeEscape(StringBuilder builder, int digits, int column)
    {
        var escape = digits == 4 ? "\\u" : "\\U";
        if (_pos + digits > _text.Length)
        {
            throw Error(_line, column, $"invalid escape sequence: {escape} needs exactly {digits} hex digits");
        }

        var hex = _text.AsSpan(_pos, digits);
        foreach (var h in hex)
        {
            if (!char.IsAsciiHexDigit(h))
            {
                throw Error(_line, column, $"invalid escape sequence: {escape} needs exactly {digits} hex digits");
            }
        }

        var scalar = long.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (scalar > 0x10FFFF || scalar is >= 0xD800 and <= 0xDFFF)
        {
            throw Error(_line, column, $"invalid escape sequence {escape}{hex}: not a Unicode scalar value");
        }

        builder.Append(char.ConvertFromUtf32((int)scalar));
        _pos += digits;
    }
}
