namespace Aura.Core.Config;

/// <summary>Keys, table headers and the rules that keep every key and table defined exactly once.</summary>
internal sealed partial class TomlParser
{
    private void ParseKeyValue()
    {
        var line = _line;
        var column = Column;
        var keys = ParseKey();
        SkipWhitespace();
        Expect('=', $"after key '{FormatDotted(keys)}'");
        SkipWhitespace();
        var value = ParseValue();
        DefineValue(keys, value, line, column);
    }

    private void ParseTableHeader()
    {
        var line = _line;
        var column = Column;
        _pos++;
        if (!AtEnd && Current == '[')
        {
            throw Error(line, column, "arrays of tables ([[name]]) are not supported");
        }

        SkipWhitespace();
        var keys = ParseKey();
        SkipWhitespace();
        Expect(']', "to close the table header");
        _current = DefineTable(keys, line, column);
    }

    private List<string> ParseKey()
    {
        var keys = new List<string> { ParseSimpleKey() };
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current != '.')
            {
                return keys;
            }

            _pos++;
            SkipWhitespace();
            keys.Add(ParseSimpleKey());
        }
    }

    private string ParseSimpleKey()
    {
        if (AtEnd)
        {
            throw Error("expected a key, found the end of the file");
        }

        switch (Current)
        {
            case '"' or '\'':
                if (IsTripleQuote(Current))
                {
                    throw Error("a multi-line string cannot be a key");
                }

                return Current == '"' ? ParseBasicString() : ParseLiteralString();
            default:
                var start = _pos;
                while (!AtEnd && TomlText.IsBareKeyChar(Current))
                {
                    _pos++;
                }

                if (_pos == start)
                {
                    throw Error($"expected a key, found {DescribeCurrent()}; keys other than A-Z, a-z, 0-9, '_' and '-' must be quoted");
                }

                return _text[start.._pos];
        }
    }

    private TomlTable DefineTable(List<string> keys, int line, int column)
    {
        var table = _root;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var last = i == keys.Count - 1;
            if (!table.TryGetValue(key, out var existing))
            {
                var created = new TomlTable(last ? TomlTableKind.Header : TomlTableKind.Implicit, TomlText.Join(table.Name, key));
                table.Add(key, created, line);
                table = created;
                continue;
            }

            var name = TomlText.Join(table.Name, key);
            if (existing is not TomlTable child)
            {
                throw Error(line, column, $"cannot define table [{FormatDotted(keys)}]: key '{name}' is already a value (line {table.LineOf(key)})");
            }

            if (last)
            {
                switch (child.Kind)
                {
                    case TomlTableKind.Header:
                        throw Error(line, column, $"duplicate table [{name}] (first defined on line {table.LineOf(key)})");
                    case TomlTableKind.Dotted:
                        throw Error(line, column, $"duplicate table [{name}]: already defined by dotted keys on line {table.LineOf(key)}");
                    default:
                        child.Kind = TomlTableKind.Header;
                        table.SetLine(key, line);
                        break;
                }
            }

            table = child;
        }

        return table;
    }

    private void DefineValue(List<string> keys, object value, int line, int column)
    {
        var table = _current;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            var key = keys[i];
            if (!table.TryGetValue(key, out var existing))
            {
                var created = new TomlTable(TomlTableKind.Dotted, TomlText.Join(table.Name, key));
                table.Add(key, created, line);
                table = created;
                continue;
            }

            var name = TomlText.Join(table.Name, key);
            switch (existing)
            {
                case TomlTable { Kind: TomlTableKind.Dotted or TomlTableKind.Implicit } child:
                    // An implicit table extended by dotted keys now belongs to them; a later [header] may not define it.
                    child.Kind = TomlTableKind.Dotted;
                    table = child;
                    break;
                case TomlTable:
                    throw Error(line, column, $"cannot add to table [{name}] with dotted keys: it is defined by a header on line {table.LineOf(key)}");
                default:
                    throw Error(line, column, $"cannot use key '{name}' as a table: it is already a value (line {table.LineOf(key)})");
            }
        }

        var finalKey = keys[^1];
        if (table.ContainsKey(finalKey))
        {
            throw Error(line, column, $"duplicate key {TomlText.Mention(finalKey)} in {TomlText.FormatTable(table.Name)} (first defined on line {table.LineOf(finalKey)})");
        }

        table.Add(finalKey, value, line);
    }

    private static string FormatDotted(List<string> keys)
    {
        var name = "";
        foreach (var key in keys)
        {
            name = TomlText.Join(name, key);
        }

        return name;
    }
}
