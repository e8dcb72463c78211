using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>PRETTY_NAME from os-release(5): shell-style assignments, the value optionally quoted.</summary>
internal static class HostOsRelease
{
    /// <summary>The name os-release(5) says to use when the file or the field is missing.</summary>
    public const string Fallback = "Linux";

    public static string PrettyName(ReadOnlySpan<byte> content)
    {
        foreach (var line in new AsciiLines(content))
        {
            var trimmed = line.Trim(" \t\r"u8);
            if (!trimmed.StartsWith("PRETTY_NAME="u8))
            {
                continue;
            }

            var value = Unquote(trimmed["PRETTY_NAME=".Length..]);
            return value.Length == 0 ? Fallback : value;
        }

        return Fallback;
    }

    /// <summary>Strips matching quotes; inside double quotes a backslash escapes the next character.</summary>
    private static string Unquote(ReadOnlySpan<byte> value)
    {
        if (value.Length >= 2 && value[0] == (byte)'\'' && value[^1] == (byte)'\'')
        {
            return Encoding.UTF8.GetString(value[1..^1]);
        }

        if (value.Length < 2 || value[0] != (byte)'"' || value[^1] != (byte)'"')
        {
            return Encoding.UTF8.GetString(value);
        }

        value = value[1..^1];
        if (value.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(value);
        }

        var unescaped = new byte[value.Length];
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == (byte)'\\' && i + 1 < value.Length)
            {
                i++;
            }

            unescaped[length++] = value[i];
        }

        return Encoding.UTF8.GetString(unescaped, 0, length);
    }
}
