using System.Text.Json;

namespace Aura.Server.Otlp;

/// <summary><c>KeyValue</c> and <c>AnyValue</c> (opentelemetry/proto/common/v1/common.proto), including JSON turned into values.</summary>
internal static class OtlpValues
{
    private const int MaxJsonDepth = 8;

    public static void StringAttribute(ProtoWriter writer, int field, string key, string value)
    {
        writer.BeginMessage(field);
        writer.String(1, key);
        writer.BeginMessage(2);
        writer.String(1, value);
        writer.EndMessage();
        writer.EndMessage();
    }

    /// <summary>A key whose value is the JSON element: objects become key-value lists, arrays arrays, numbers int or double.</summary>
    public static void JsonAttribute(ProtoWriter writer, int field, string key, JsonElement value)
    {
        writer.BeginMessage(field);
        writer.String(1, key);
        JsonValue(writer, 2, value, 1);
        writer.EndMessage();
    }

    private static void JsonValue(ProtoWriter writer, int field, JsonElement value, int depth)
    {
        writer.BeginMessage(field);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                writer.String(1, value.GetString()!);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.Bool(2, value.GetBoolean());
                break;
            case JsonValueKind.Number when value.TryGetInt64(out var integer):
                writer.UInt64(3, unchecked((ulong)integer));
                break;
            case JsonValueKind.Number:
                writer.Double(4, value.GetDouble());
                break;
            case JsonValueKind.Array when depth < MaxJsonDepth:
                writer.BeginMessage(5);
                foreach (var item in value.EnumerateArray())
                {
                    JsonValue(writer, 1, item, depth + 1);
                }

                writer.EndMessage();
                break;
            case JsonValueKind.Object when depth < MaxJsonDepth:
                writer.BeginMessage(6);
                foreach (var property in value.EnumerateObject())
                {
                    writer.BeginMessage(1);
                    writer.String(1, property.Name);
                    JsonValue(writer, 2, property.Value, depth + 1);
                    writer.EndMessage();
                }

                writer.EndMessage();
                break;
            case JsonValueKind.Array or JsonValueKind.Object:
                // Deeper than OTLP receivers usually accept: kept whole, as its JSON text.
                writer.String(1, value.GetRawText());
                break;
            default:
                // JSON null: an AnyValue with no value set, which OTLP reads as empty.
                break;
        }

        writer.EndMessage();
    }
}
