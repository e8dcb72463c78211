using System.Globalization;

namespace Aura.Core.Config;

/// <summary>Character classes and the spelling of keys and characters in error messages.</summary>
internal static class TomlText
{
    public static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Control characters TOML forbids unescaped in strings and comments; tab is allowed.</summary>
    public static bool IsForbiddenControl(char c) => (c < ' ' && c != '\t') || c == '\u007F';

    /// <summary>A key as a TOML document would spell it: bare when it can be, quoted otherwise.</summary>
    public static string FormatKey(string key)
    {
        foreach (var c in key)
        {
            if (!IsBareKeyChar(c))
            {
                return Quote(key);
            }
        }

        return key.Length == 0 ? "\"\"" : key;
    }

    /// <summary>A key inside a message: <c>'db_path'</c>, or <c>"k v"</c> when it needs quotes anyway.</summary>
    public static string Mention(string key)
    {
        var formatted = FormatKey(key);
        return formatted[0] == '"' ? formatted : $"'{formatted}'";
    }

    public static string FormatTable(string name) => name.Length == 0 ? "the root table" : $"table [{name}]";

    public static string Join(string tableName, string key) =>
        tableName.Length == 0 ? FormatKey(key) : tableName + "." + FormatKey(key);

    /// <summary>A character for an error message: <c>'x'</c> when printable, <c>U+000B</c> otherwise.</summary>
    public static string Describe(char c) => c switch
    {
        '\n' or '\r' => "the end of the line",
        _ when char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) =>
            "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => $"'{c}'",
    };

    /// <summary>A value's TOML type with its article, for "must be a string, not an integer".</summary>
    public static string DescribeType(object value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlTable => "a table",
        _ => "an array",
    };

    private static string Quote(string key)
    {
        var builder = new System.Text.StringBuilder(key.Length + 2);
        builder.Append('"');
        foreach (var c in key)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append(@"\\"); break;
                case < ' ' or '\u007F':
                    builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
