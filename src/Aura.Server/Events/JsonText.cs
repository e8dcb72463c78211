using System.Text.Unicode;
using System.Text.Json;

namespace Aura.Server.Events;

/// <summary>
/// Checks that JSON strings are text. <see cref="Utf8JsonReader"/> does not validate the bytes inside a string (an
/// invalid byte or a lone <c>\ud800</c> escape passes until someone decodes it), so anything stored must be checked
/// here: a stored event that cannot be decoded would break every reader and live tail later.
/// </summary>
internal static class JsonText
{
    public const string NotText = "is not valid UTF-8 text (an invalid byte or an unpaired \\u surrogate escape)";

    /// <summary>The string at the reader, or null when its bytes or escapes are not Unicode text.</summary>
    public static string? TryGetString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && !Utf8.IsValid(reader.ValueSpan))
        {
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Null when every name and string in <paramref name="json"/> (one complete JSON value) is text; else what is wrong.</summary>
    public static string? CheckStrings(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                continue;
            }

            if (reader.ValueIsEscaped ? !Unescapes(ref reader) : !Utf8.IsValid(reader.ValueSpan))
            {
                return reader.TokenType == JsonTokenType.PropertyName
                    ? $"a property name at byte {reader.TokenStartIndex} of data {NotText}"
                    : $"a string at byte {reader.TokenStartIndex} of data {NotText}";
            }
        }

        return null;
    }

    private static bool Unescapes(ref Utf8JsonReader reader)
    {
        try
        {
            // Decoding validates both the raw bytes and every escape; the copy is small and only for escaped strings.
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
