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
                WriteString(JsonMarshal.GetRawUtf8Value(element)[1..^1], element, writer);
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
            if (names is not null && !names.Add(property.Name))
            {
                throw new ArgumentException($"The JSON object repeats the property name \"{property.Name}\"; a CBOR map cannot repeat a key.", nameof(element));
            }

            WriteString(JsonMarshal.GetRawUtf8PropertyName(property), property.Name, writer);
            Write(property.Value, writer);
        }
    }

    private static void WriteString(ReadOnlySpan<byte> raw, JsonElement element, CborWriter writer)
    {
        // Without a backslash the raw JSON text is the string's UTF-8 itself; otherwise unescape.
        if (raw.IndexOf((byte)'\\') < 0)
        {
            writer.WriteUtf8TextString(raw);
        }
        else
        {
            writer.WriteTextString(element.GetString());
        }
    }

    private static void WriteString(ReadOnlySpan<byte> raw, string name, CborWriter writer)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            writer.WriteUtf8TextString(raw);
        }
        else
        {
            writer.WriteTextString(name);
        }
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
