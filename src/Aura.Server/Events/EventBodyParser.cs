using System.Text.Json;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>Turns a posted body into events: one JSON object, or (for a batch) a JSON array or NDJSON lines of them.</summary>
internal static class EventBodyParser
{
    public static NewEvent? ParseOne(ReadOnlySpan<byte> json, long nowMicros, out EventError error)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                error = new EventError("body", "the body is empty: send one JSON event object");
                return null;
            }

            var parsed = EventParser.Parse(ref reader, json, nowMicros, out error);
            if (parsed is not null && reader.Read())
            {
                error = new EventError("body", "the body has more after the event object; send several with POST /events/batch");
                return null;
            }

            return parsed;
        }
        catch (JsonException e)
        {
            error = new EventError("body", $"the body is not valid JSON: {e.Message}");
            return null;
        }
    }

    /// <summary>Every event in a JSON array or NDJSON body, or null with the first error (nothing is stored then).</summary>
    public static List<NewEvent>? ParseBatch(ReadOnlySpan<byte> json, long nowMicros, int max, out EventError error)
    {
        var events = new List<NewEvent>();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
            if (!reader.Read())
            {
                error = new EventError("body", "the batch is empty: send a JSON array of events or one event object per line");
                return null;
            }

            var array = reader.TokenType == JsonTokenType.StartArray;
            if (array && !reader.Read())
            {
                error = new EventError("body", "the JSON array is not closed");
                return null;
            }

            while (!(array && reader.TokenType == JsonTokenType.EndArray))
            {
                if (events.Count == max)
                {
                    error = new EventError("events", $"a batch holds at most {max} events; split it");
                    return null;
                }

                var parsed = EventParser.Parse(ref reader, json, nowMicros, out error);
                if (parsed is null)
                {
                    error = error.Field == "body" ? new EventError($"events[{events.Count}]", error.Detail) : error.At($"events[{events.Count}]");
                    return null;
                }

                events.Add(parsed);
                if (!reader.Read())
                {
                    if (array)
                    {
                        error = new EventError("body", "the JSON array is not closed");
                        return null;
                    }

                    break;
                }
            }

            if (array && reader.Read())
            {
                error = new EventError("body", "the body has more after the JSON array");
                return null;
            }
        }
        catch (JsonException e)
        {
            error = new EventError("body", $"the body is not valid JSON{(events.Count > 0 ? $" after event {events.Count}" : "")}: {e.Message}");
            return null;
        }

        if (events.Count == 0)
        {
            error = new EventError("events", "the batch holds no events");
            return null;
        }

        error = default;
        return events;
    }
}
