using System.Buffers;
using System.Text.Json;

namespace Aura.Core.Cbor;

/// <summary>
/// Converts between CBOR and JSON so that a server can handle both encodings of one message the same way,
/// e.g. serde's externally tagged <c>"GetStats"</c> and <c>{"SetControl": {"control": "fan", ...}}</c>.
/// </summary>
/// <remarks>
/// CBOR to JSON follows RFC 8949 §6.1: integers and finite floats become numbers (a float with an integral
/// value keeps a ".0", so it stays a float on the way back); text strings become strings; byte strings
/// become base64url strings without padding; arrays become arrays; maps become objects; false, true and
/// null map to themselves; NaN, the infinities, undefined and every other simple value become null; tags
/// are dropped and their content converted. One departure: a map key that is not a text string, or is a
/// tagged one, is rejected rather than stringified or untagged, since either could make two keys collide.
/// JSON to CBOR: objects become maps with text keys, integers (up to ±2^64) stay integers, other numbers
/// become floats in their shortest exact width.
/// </remarks>
public static class CborJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { MaxDepth = CborDecoderOptions.DepthCeiling + 1 };

    /// <summary>Converts exactly one CBOR data item to UTF-8 JSON.</summary>
    /// <exception cref="CborException">The input is not exactly one valid data item, or a map key is not a text string.</exception>
    public static byte[] ToJsonUtf8(ReadOnlySpan<byte> cbor, CborDecoderOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteJson(cbor, writer, options);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Converts exactly one CBOR data item to a <see cref="JsonElement"/> that owns its memory.</summary>
    /// <exception cref="CborException">The input is not exactly one valid data item, or a map key is not a text string.</exception>
    public static JsonElement ToJsonElement(ReadOnlySpan<byte> cbor, CborDecoderOptions? options = null)
    {
        return JsonElement.Parse(ToJsonUtf8(cbor, options), new JsonDocumentOptions { MaxDepth = CborDecoderOptions.DepthCeiling + 1 });
    }

    /// <summary>Writes exactly one CBOR data item as one JSON value; on error the writer may hold part of it.</summary>
    /// <exception cref="CborException">The input is not exactly one valid data item, or a map key is not a text string.</exception>
    public static void WriteJson(ReadOnlySpan<byte> cbor, Utf8JsonWriter writer, CborDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CborDecoder.Validate(cbor, options);
        CborToJsonWriter.Write(cbor, 0, writer);
    }

    /// <summary>Encodes a JSON value as one CBOR data item.</summary>
    /// <exception cref="ArgumentException">The element is undefined, an object repeats a property name, a string escapes an unpaired surrogate, or a number is beyond a double's range.</exception>
    public static byte[] FromJson(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        FromJson(element, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc cref="FromJson(JsonElement)"/>
    public static void FromJson(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonToCborWriter.Write(element, new CborWriter(output));
    }
}
