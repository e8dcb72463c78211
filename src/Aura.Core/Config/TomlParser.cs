namespace Aura.Core.Config;

/// <summary>
/// A strict parser for the TOML 1.0 subset Aura's config uses: tables, dotted keys, strings, integers, floats,
/// booleans and arrays. Inline tables, arrays of tables and dates are rejected with a clear error rather than
/// half-supported. Every error is a <see cref="TomlException"/> naming the line and column.
/// </summary>
internal sealed partial class TomlParser
{
    private readonly string _text;
    private readonly TomlTable _root = new();
    private TomlTable _current;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private TomlParser(string text)
    {
        _text = text;
        _current = _root;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private int Column => _pos - _lineStart + 1;

    public static TomlTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new TomlParser(text);
        parser.ParseDocument();
        return parser._root;
    }

    private void ParseDocument()
    {
        while (!AtEnd)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                break;
            }

            var context = "the end of the line";
            switch (Current)
            {
                case '#' or '\n' or '\r':
                    break;
                case '[':
                    ParseTableHeader();
                    context = "the table header";
                    break;
                default:
                    ParseKeyValue();
                    context = "the value";
                    break;
            }

            SkipWhitespace();
            SkipComment();
            ExpectLineEnd(context);
        }
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && Current is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipComment()
    {
        if (AtEnd || Current != '#')
        {
            return;
        }

        for (_pos++; !AtEnd && Current is not ('\n' or '\r'); _pos++)
        {
            if (TomlText.IsForbiddenControl(Current))
            {
                throw Error($"control character {TomlText.Describe(Current)} is not allowed in a comment");
            }
        }
    }

    /// <summary>Whitespace, comments and newlines, as allowed between the elements of an array.</summary>
    private void SkipBlank()
    {
        while (true)
        {
            SkipWhitespace();
            SkipComment();
            if (!TryConsumeNewline())
            {
                return;
            }
        }
    }

    private void ExpectLineEnd(string after)
    {
        if (!AtEnd && !TryConsumeNewline())
        {
            throw Error($"unexpected {TomlText.Describe(Current)} after {after}; expected a comment or the end of the line");
        }
    }

    /// <summary>Consumes LF or CRLF and starts a new line; a carriage return on its own is an error.</summary>
    private bool TryConsumeNewline()
    {
        if (AtEnd)
        {
            return false;
        }

        if (Current == '\r')
        {
            if (_pos + 1 >= _text.Length || _text[_pos + 1] != '\n')
            {
                throw Error("a carriage return must be followed by a line feed");
            }

            _pos++;
        }
        else if (Current != '\n')
        {
            return false;
        }

        _pos++;
        _line++;
        _lineStart = _pos;
        return true;
    }

    private void Expect(char expected, string what)
    {
        if (AtEnd || Current != expected)
        {
            throw Error($"expected '{expected}' {what}, found {DescribeCurrent()}");
        }

        _pos++;
    }

    private string DescribeCurrent() => AtEnd ? "the end of the file" : TomlText.Describe(Current);

    private TomlException Error(string reason) => new(_line, Column, reason);

    private static TomlException Error(int line, int column, string reason) => new(line, column, reason);
}
