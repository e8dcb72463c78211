using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Aura.Core.Cbor;

/// <summary>Encodes a JSON value as CBOR; the mapping is described on <see cref="CborJson"/>.</summary>
internal static class JsonToCborWriter
{
    private static readonly Int128 MinNegative = -1 - (Int128)ulong.MaxValue;

    public static void Write(JsonElement element, CborWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, writer);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                break;
            case JsonValueKind.String:
                if (!TryWriteUnescaped(JsonMarshal.GetRawUtf8Value(element)[1..^1], writer))
                {
                    writer.WriteTextString(Unescape(element, static e => e.GetString()!));
                }

                break;
            case JsonValueKind.Number:
                WriteNumber(element, writer);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBoolean(element.ValueKind == JsonValueKind.True);
                break;
            case JsonValueKind.Null:
                writer.WriteNull();
                break;
            default:
                throw new ArgumentException("The JSON element is undefined (default(JsonElement)); there is nothing to encode.", nameof(element));
        }
    }

    private static void WriteObject(JsonElement element, CborWriter writer)
    {
        var count = element.GetPropertyCount();
        writer.WriteStartMap(count);
        HashSet<string>? names = count > 1 ? new HashSet<string>(count, StringComparer.Ordinal) : null;
        foreach (var property in element.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (names is not null && !names.Add(Unescape(property, static p => p.Name)))
            {
                throw new ArgumentException($"The JSON object repeats the property name \"{property.Name}\"; a CBOR map cannot repeat a key.", nameof(element));
            }

            if (!TryWriteUnescaped(raw, writer))
            {
                writer.WriteTextString(Unescape(property, static p => p.Name));
            }

            Write(property.Value, writer);
        }
    }

    /// <summary>Unescapes a JSON string, which fails on an escaped unpaired surrogate (<c>"\ud800"</c>).</summary>
    private static string Unescape<T>(T source, Func<T, string> unescape)
    {
        try
        {
            return unescape(source);
        }
        catch (InvalidOperationException exception)
        {
            throw new ArgumentException("A JSON string escapes an unpaired surrogate, which a CBOR text string (UTF-8) cannot carry.", nameof(source), exception);
        }
    }

    /// <summary>Writes a JSON string's raw text when it has no escapes, which makes it the string's UTF-8 itself.</summary>
    private static bool TryWriteUnescaped(ReadOnlySpan<byte> raw, CborWriter writer)
    {
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return false;
        }

        writer.WriteUtf8TextString(raw);
        return true;
    }

    private static void WriteNumber(JsonElement element, CborWriter writer)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
            && Int128.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            && integer >= MinNegative && integer <= ulong.MaxValue)
        {
            if (integer >= 0)
            {
                writer.WriteUInt64((ulong)integer);
            }
            else
            {
                writer.WriteNegativeInteger((ulong)(-1 - integer));
            }

            return;
        }

        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new ArgumentException($"The JSON number {element.GetRawText()} is beyond the range of a double.", nameof(element));
        }

        writer.WriteDouble(value);
    }
}
