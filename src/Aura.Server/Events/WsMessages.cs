using System.Buffers;
using System.Text.Json;

namespace Aura.Server.Events;

/// <summary>The small control messages of Argus's <c>/ws</c> protocol, as UTF-8 frames.</summary>
internal static class WsMessages
{
    public static byte[] AuthSuccess { get; } = """{"type":"auth_result","status":"success"}"""u8.ToArray();

    public static byte[] Pong { get; } = """{"type":"pong"}"""u8.ToArray();

    public static byte[] AuthError(string message) => Write(w =>
    {
        w.WriteString("type", "auth_result");
        w.WriteString("status", "error");
        w.WriteString("message", message);
    });

    public static byte[] Error(string message, string? field = null) => Write(w =>
    {
        w.WriteString("type", "error");
        w.WriteString("message", message);
        if (field is not null)
        {
            w.WriteString("field", field);
        }
    });

    public static byte[] Subscribed(EventFilter filter) => Write(w =>
    {
        w.WriteString("type", "subscribe_result");
        w.WriteString("status", "subscribed");
        w.WriteStartObject("active_filters");
        if (filter.Source is not null)
        {
            w.WriteString("source", filter.Source);
        }

        if (filter.EventType is not null)
        {
            w.WriteString("event_type", filter.EventType);
        }

        if (filter.Level is { } level)
        {
            w.WriteString("level", EventLevels.Name(level));
        }

        w.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
