using System.Globalization;
using System.Text;
using System.Text.Json;
using Aura.Core.Events;

namespace Aura.Storage.Events;

/// <summary>
/// One row of Argus's <c>events</c> table (id, source, event_type, timestamp, message, level, data, created_at) turned
/// into Aura's. Argus stored the client's timestamp text and compared it as text; Aura stores the instant. The rules for
/// what Argus allowed but Aura would not accept from a client:
/// <list type="bullet">
/// <item>A time without an offset is UTC (Argus's own times ended in Z); a far-future time (year 9999) is kept as it is.</item>
/// <item>A timestamp that is no time at all falls back to the row's <c>created_at</c> (SQLite's UTC CURRENT_TIMESTAMP).</item>
/// <item>No level is <c>info</c>, as Aura stores a posted event without one; any case of Argus's four names is accepted.</item>
/// <item>Text that is not UTF-8 has the bad bytes replaced by U+FFFD; data that is not JSON is kept as a JSON string.</item>
/// </list>
/// A level that is none of Argus's names, or a row with no usable time, stops the migration: nothing is guessed.
/// </summary>
internal static class ArgusRow
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static NewEvent Convert(long id, byte[]? source, byte[]? eventType, byte[]? timestamp, byte[]? message, byte[]? level, byte[]? data, byte[]? createdAt, ref long repaired)
    {
        var fixedText = false;
        var sourceText = Text(source, ref fixedText) ?? throw Refuse(id, "has no source");
        var typeText = Text(eventType, ref fixedText) ?? throw Refuse(id, "has no event_type");
        var messageText = Text(message, ref fixedText);
        var micros = Time(Text(timestamp, ref fixedText)) ?? Time(Text(createdAt, ref fixedText))
            ?? throw Refuse(id, "has neither a timestamp nor a created_at that is a time");
        var levelValue = Level(Text(level, ref fixedText)) ?? throw Refuse(id, $"has level '{Text(level, ref fixedText)}', none of debug, info, warn, error");
        var json = Json(data, ref fixedText);
        if (fixedText)
        {
            repaired++;
        }

        return new NewEvent(sourceText, typeText, levelValue, messageText, micros, json);
    }

    private static EventLogException Refuse(long id, string what) =>
        new($"Argus event id {id} {what}; the database was left as it was");

    private static string? Text(byte[]? bytes, ref bool fixedText)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            fixedText = true;
            return Encoding.UTF8.GetString(bytes);
        }
    }

    private static long? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            ? EventTime.Micros(time)
            : null;

    private static EventLevel? Level(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => EventLevel.Info,
        "debug" => EventLevel.Debug,
        "info" => EventLevel.Info,
        "warn" or "warning" => EventLevel.Warn,
        "error" => EventLevel.Error,
        _ => null,
    };

    /// <summary>Argus's data column held <c>json.dumps(data)</c> or NULL; JSON <c>null</c> is no data, as Argus read it.</summary>
    private static ReadOnlyMemory<byte> Json(byte[]? bytes, ref bool fixedText)
    {
        if (bytes is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Null ? ReadOnlyMemory<byte>.Empty : bytes;
        }
        catch (JsonException)
        {
            fixedText = true;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStringValue(Encoding.UTF8.GetString(bytes));
            }

            return buffer.ToArray();
        }
    }
}
