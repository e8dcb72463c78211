using System.Collections.ObjectModel;

namespace Aura.Core.Config;

/// <summary>Values: dispatch on the first character, arrays, and the bare words true, false, inf and nan.</summary>
internal sealed partial class TomlParser
{
    private object ParseValue()
    {
        if (AtEnd)
        {
            throw Error("expected a value, found the end of the file");
        }

        switch (Current)
        {
            case '"':
                return IsTripleQuote('"') ? ParseMultiLineString('"') : ParseBasicString();
            case '\'':
                return IsTripleQuote('\'') ? ParseMultiLineString('\'') : ParseLiteralString();
            case '[':
                return ParseArray();
            case '{':
                throw Error("inline tables ({ ... }) are not supported; use a [table] header");
            case '#':
                throw Error("expected a value, found a comment");
            default:
                return ParseBareValue();
        }
    }

    /// <summary>An array may span lines and hold comments, mixed types and a trailing comma.</summary>
    private ReadOnlyCollection<object> ParseArray()
    {
        var line = _line;
        var column = Column;
        _pos++;
        var items = new List<object>();
        while (true)
        {
            SkipBlank();
            if (AtEnd)
            {
                throw Error(line, column, "unterminated array: no closing ']'");
            }

            if (Current == ']')
            {
                _pos++;
                return items.AsReadOnly();
            }

            items.Add(ParseValue());
            SkipBlank();
            if (AtEnd)
            {
                throw Error(line, column, "unterminated array: no closing ']'");
            }

            if (Current == ',')
            {
                _pos++;
            }
            else if (Current != ']')
            {
                throw Error($"expected ',' or ']' after an array element, found {DescribeCurrent()}");
            }
        }
    }

    private object ParseBareValue()
    {
        var line = _line;
        var column = Column;
        var start = _pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '+' or '-' or '.' or ':'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error($"expected a value, found {DescribeCurrent()}");
        }

        var token = _text[start.._pos];
        switch (token)
        {
            case "true":
                return true;
            case "false":
                return false;
            case "inf" or "+inf":
                return double.PositiveInfinity;
            case "-inf":
                return double.NegativeInfinity;
            case "nan" or "+nan" or "-nan":
                return double.NaN;
        }

        if (LooksLikeDateOrTime(token))
        {
            throw Error(line, column, $"dates and times are not supported (found '{token}'); write the value as a quoted string");
        }

        if (char.IsAsciiLetter(token[0]))
        {
            throw Error(line, column, $"invalid value '{token}': strings must be quoted and booleans are lowercase true or false");
        }

        return ParseNumber(token, line, column);
    }

    private static bool LooksLikeDateOrTime(string token)
    {
        if (token.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        return token.Length >= 10 && token[4] == '-' && char.IsAsciiDigit(token[0]) && char.IsAsciiDigit(token[1])
            && char.IsAsciiDigit(token[2]) && char.IsAsciiDigit(token[3]);
    }
}
