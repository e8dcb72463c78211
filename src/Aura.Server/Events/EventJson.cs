using System.Text.Json;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>Writes events in Argus's shape: id, source, event_type, message, level, timestamp, data.</summary>
internal static class EventJson
{
    public static void Write(Utf8JsonWriter writer, in StoredEvent stored)
    {
        var e = stored.Event;
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, stored.Id);
        writer.WriteString("source"u8, e.Source);
        writer.WriteString("event_type"u8, e.EventType);
        if (e.Message is null)
        {
            writer.WriteNull("message"u8);
        }
        else
        {
            writer.WriteString("message"u8, e.Message);
        }

        writer.WriteString("level"u8, EventLevels.Name(e.Level));
        Span<byte> time = stackalloc byte[40];
        EventTime.TryFormat(e.TimestampMicros, time, out var written);
        writer.WriteString("timestamp"u8, time[..written]);
        writer.WritePropertyName("data"u8);
        if (e.Data.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteRawValue(e.Data.Span, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    /// <summary>The WebSocket frame for one event: <c>{"type":"event","event":{...}}</c>.</summary>
    public static byte[] Frame(in StoredEvent stored)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + stored.Event.Data.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "event"u8);
            writer.WritePropertyName("event"u8);
            Write(writer, stored);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
