using System.Buffers;
using System.Text.Json;
using Aura.Core.Json;

namespace Aura.Server.Jetson;

/// <summary>
/// serde_json's externally tagged form: a unit request is <c>"GetStats"</c> (or <c>{"GetStats":null}</c>), SetControl is
/// <c>{"SetControl":{"control":..,"value":..,"token":..}}</c>, and a response is <c>{"Variant":payload}</c>.
/// </summary>
public sealed class JsonMessageCodec : IMessageCodec
{
    private const int MaxFieldLength = 1024;

    public static JsonMessageCodec Instance { get; } = new();

    public string Name => "json";

    public bool Recognizes(byte first) => first is (byte)'{' or (byte)'"';

    public FrameStatus TryReadRequest(ReadOnlySpan<byte> received, bool isFinalBlock, out SocketRequest? request, out string? problem)
    {
        request = null;
        problem = null;
        int length;
        try
        {
            var reader = new Utf8JsonReader(received, isFinalBlock, default);
            if (!reader.Read() || !reader.TrySkip())
            {
                // TrySkip is false only while an object or array is still open: more bytes may close it.
                return Incomplete(isFinalBlock, out problem);
            }

            length = (int)reader.BytesConsumed;
        }
        catch (JsonException e)
        {
            problem = $"not valid JSON: {e.Message}";
            return FrameStatus.Invalid;
        }

        request = Parse(received[..length], out problem);
        return request is null ? FrameStatus.Invalid : FrameStatus.Complete;
    }

    public void WriteResponse(SocketResponse response, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        var c = SocketJsonContext.Default;
        switch (response)
        {
            case SocketResponse.Stats stats:
                writer.WriteStartObject("Stats");
                writer.WriteString("source", stats.Source);
                writer.WritePropertyName("data");
                if (stats.Data is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(writer, stats.Data, c.TegraStatsView);
                }

                if (stats.Snapshot is not null)
                {
                    writer.WritePropertyName("snapshot");
                    JsonSerializer.Serialize(writer, stats.Snapshot, AuraJsonContext.Default.Snapshot);
                }

                writer.WriteEndObject();
                break;
            case SocketResponse.Meta meta:
                writer.WritePropertyName("Meta");
                JsonSerializer.Serialize(writer, meta.Hardware, c.JetsonHardwareView);
                break;
            case SocketResponse.Controls controls:
                writer.WritePropertyName("Controls");
                JsonSerializer.Serialize(writer, controls.Items, c.ImmutableArrayControlInfo);
                break;
            case SocketResponse.Health health:
                writer.WritePropertyName("Health");
                JsonSerializer.Serialize(writer, health.Report, c.DaemonHealthView);
                break;
            case SocketResponse.ControlState state:
                writer.WritePropertyName("ControlState");
                JsonSerializer.Serialize(writer, state.Control, c.ControlInfo);
                break;
            case SocketResponse.Failure failure:
                writer.WritePropertyName("Error");
                JsonSerializer.Serialize(writer, failure.Info, c.ErrorInfo);
                break;
            default:
                throw new ArgumentException($"unknown response {response.GetType().Name}", nameof(response));
        }

        writer.WriteEndObject();
    }

    public void WriteRequest(SocketRequest request, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var writer = new Utf8JsonWriter(output);
        if (request.Kind != SocketRequestKind.SetControl)
        {
            writer.WriteStringValue(request.Kind.ToString());
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartObject("SetControl");
        writer.WriteString("control", request.Control);
        writer.WriteString("value", request.Value);
        writer.WriteString("token", request.Token);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static FrameStatus Incomplete(bool isFinalBlock, out string? error)
    {
        error = isFinalBlock ? "the connection closed before a whole request arrived" : null;
        return isFinalBlock ? FrameStatus.Invalid : FrameStatus.Incomplete;
    }

    /// <summary>Parses one complete JSON request (also what the CBOR codec hands over after converting); null with a reason when it is not one.</summary>
    internal static SocketRequest? Parse(ReadOnlySpan<byte> json, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return UnitRequest(reader.GetString()!, out error);
        }

        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            error = "a request is a variant name (\"GetStats\") or an object with one variant ({\"SetControl\":{...}})";
            return null;
        }

        var variant = reader.GetString()!;
        reader.Read();
        var request = variant == nameof(SocketRequestKind.SetControl)
            ? SetControl(ref reader, out error)
            : reader.TokenType == JsonTokenType.Null ? UnitRequest(variant, out error) : null;
        if (request is null)
        {
            error ??= $"{variant} takes no fields; send \"{variant}\" or {{\"{variant}\":null}}";
            return null;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            error = "a request object holds exactly one variant";
            return null;
        }

        return request;
    }

    private static SocketRequest? UnitRequest(string variant, out string? error)
    {
        error = null;
        SocketRequest? request = variant switch
        {
            nameof(SocketRequestKind.GetStats) => SocketRequest.GetStats,
            nameof(SocketRequestKind.GetMeta) => SocketRequest.GetMeta,
            nameof(SocketRequestKind.ListControls) => SocketRequest.ListControls,
            nameof(SocketRequestKind.GetHealth) => SocketRequest.GetHealth,
            _ => null,
        };
        if (request is null)
        {
            error = variant == nameof(SocketRequestKind.SetControl)
                ? "SetControl needs its fields: {\"SetControl\":{\"control\":...,\"value\":...,\"token\":...}}"
                : $"unknown request '{Truncate(variant)}'; expected GetStats, GetMeta, ListControls, GetHealth or SetControl";
        }

        return request;
    }

    private static SocketRequest? SetControl(ref Utf8JsonReader reader, out string? error)
    {
        error = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = "SetControl's value must be an object with control, value and token";
            return null;
        }

        string? control = null, value = null, token = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString();
            reader.Read();
            switch (field)
            {
                case "control": control = ReadString(ref reader, field, nullable: false, ref error); break;
                case "value": value = ReadString(ref reader, field, nullable: false, ref error); break;
                case "token": token = ReadString(ref reader, field, nullable: true, ref error); break;
                default: reader.Skip(); break; // serde ignores unknown fields too.
            }

            if (error is not null)
            {
                return null;
            }
        }

        if (control is null || value is null)
        {
            error = $"SetControl needs '{(control is null ? "control" : "value")}'";
            return null;
        }

        return SocketRequest.SetControl(control, value, token);
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, bool nullable, ref string? error)
    {
        if (reader.TokenType == JsonTokenType.Null && nullable)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            error = $"SetControl.{field} must be a string";
            return null;
        }

        var text = reader.GetString()!;
        if (text.Length > MaxFieldLength)
        {
            error = $"SetControl.{field} is longer than {MaxFieldLength} characters";
            return null;
        }

        return text;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
