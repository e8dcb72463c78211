using System.Text.Json;
using Aura.Core.Events;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>
/// Reads one posted event object with Argus's rules, naming the first bad field. Unknown fields are ignored (as Argus
/// did); a repeated field is an error. The data object is kept as the exact JSON text that was sent.
/// </summary>
internal static class EventParser
{
    private const int Source = 1, Type = 2, Message = 4, Level = 8, Timestamp = 16, Data = 32;

    /// <summary>Parses the object starting at the reader's current <see cref="JsonTokenType.StartObject"/>; leaves the reader on its end.</summary>
    public static NewEvent? Parse(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long nowMicros, out EventError error)
    {
        error = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = new EventError("body", "an event must be a JSON object");
            return null;
        }

        string? source = null, type = null, message = null;
        EventLevel level = EventLevel.Info;
        var timestamp = nowMicros;
        ReadOnlyMemory<byte> data = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            reader.Read();
            if (field != 0 && (seen & field) != 0)
            {
                error = new EventError(Name(field), $"{Name(field)} appears twice");
                return null;
            }

            seen |= field;
            var problem = field switch
            {
                Source => ReadName(ref reader, "source", EventRules.CheckSource, out source),
                Type => ReadName(ref reader, "event_type", EventRules.CheckEventType, out type),
                Message => ReadMessage(ref reader, out message),
                Level => ReadLevel(ref reader, ref level),
                Timestamp => ReadTimestamp(ref reader, nowMicros, ref timestamp),
                Data => ReadData(ref reader, json, out data),
                _ => Skip(ref reader),
            };
            if (problem is { } p)
            {
                error = new EventError(Name(field), p);
                return null;
            }
        }

        if (source is null)
        {
            error = new EventError("source", "source is required");
            return null;
        }

        if (type is null)
        {
            error = new EventError("event_type", "event_type is required");
            return null;
        }

        return new NewEvent(source, type, level, message, timestamp, data);
    }

    private static int Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("source"u8) ? Source
        : reader.ValueTextEquals("event_type"u8) ? Type
        : reader.ValueTextEquals("message"u8) ? Message
        : reader.ValueTextEquals("level"u8) ? Level
        : reader.ValueTextEquals("timestamp"u8) ? Timestamp
        : reader.ValueTextEquals("data"u8) ? Data
        : 0;

    private static string Name(int field) => field switch
    {
        Source => "source",
        Type => "event_type",
        Message => "message",
        Level => "level",
        Timestamp => "timestamp",
        _ => "data",
    };

    private static string? ReadName(ref Utf8JsonReader reader, string name, Func<string, string?> check, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"{name} must be a string";
        }

        if (reader.ValueSpan.Length > EventRules.MaxNameLength * 6)
        {
            return $"{name} is longer than {EventRules.MaxNameLength} characters";
        }

        value = JsonText.TryGetString(ref reader);
        return value is null ? $"{name} {JsonText.NotText}" : check(value);
    }

    private static string? ReadMessage(ref Utf8JsonReader reader, out string? message)
    {
        message = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return "message must be a string";
        }

        message = JsonText.TryGetString(ref reader);
        if (message is null)
        {
            return $"message {JsonText.NotText}";
        }

        return message.Length > EventRules.MaxMessageLength
            ? $"message is {message.Length} characters long; the limit is {EventRules.MaxMessageLength}"
            : null;
    }

    private static string? ReadLevel(ref Utf8JsonReader reader, ref EventLevel level)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 5 ? JsonText.TryGetString(ref reader) : "";
        if (text is null)
        {
            return $"level {JsonText.NotText}";
        }

        var parsed = EventLevels.Parse(text);
        if (parsed is null)
        {
            return $"level must be one of {EventLevels.Allowed}";
        }

        level = parsed.Value;
        return null;
    }

    private static string? ReadTimestamp(ref Utf8JsonReader reader, long nowMicros, ref long timestamp)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > 64)
        {
            return "timestamp must be an ISO 8601 string with Z or an offset, e.g. 2025-11-20T12:34:56Z";
        }

        var text = JsonText.TryGetString(ref reader);
        if (text is null)
        {
            return $"timestamp {JsonText.NotText}";
        }

        if (!EventRules.TryParseTimestamp(text, out var time))
        {
            return $"timestamp '{text}' is not ISO 8601 with Z or an offset, e.g. 2025-11-20T12:34:56Z or 2025-11-20T13:34:56+01:00";
        }

        var micros = EventTime.Micros(time);
        if (EventRules.CheckTimestampRange(micros, nowMicros) is { } range)
        {
            return $"timestamp '{text}' {range}";
        }

        timestamp = micros;
        return null;
    }

    private static string? ReadData(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out ReadOnlyMemory<byte> data)
    {
        data = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "data must be a JSON object";
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        var slice = json[start..end];
        if (JsonText.CheckStrings(slice) is { } problem)
        {
            return problem;
        }

        data = slice.ToArray();
        return null;
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
