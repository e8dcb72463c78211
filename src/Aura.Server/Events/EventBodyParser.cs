using System.Text.Json;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>Turns a posted body into events: one JSON object, or (for a batch) a JSON array or NDJSON lines of them.</summary>
internal static class EventBodyParser
{
    public static NewEvent? ParseOne(ReadOnlySpan<byte> json, long nowMicros, out EventError error)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
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
            error = TooDeep(reader) ?? new EventError("body", $"the body is not valid JSON: {e.Message}");
            return null;
        }
    }

    /// <summary>Every event in a JSON array or NDJSON body, or null with the first error (nothing is stored then).</summary>
    public static List<NewEvent>? ParseBatch(ReadOnlySpan<byte> json, long nowMicros, int max, out EventError error)
    {
        var events = new List<NewEvent>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
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
            if (TooDeep(reader) is { } deep)
            {
                error = deep.At($"events[{events.Count}]");
                return null;
            }

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

    /// <summary>
    /// The reader's own depth limit (64, counting the event object) is what stops a deeply nested <c>data</c>; say so
    /// instead of calling valid JSON invalid.
    /// </summary>
    private static EventError? TooDeep(in Utf8JsonReader reader) =>
        reader.CurrentDepth >= EventRules.MaxDataDepth - 1
            ? new EventError("data", $"data is nested too deep: the limit is {EventRules.MaxDataDepth} levels of objects and arrays, counting the event itself")
            : null;
}
