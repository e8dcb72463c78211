using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aura.Server.ClaraVerse;

/// <summary>
/// Writes a time as UTC ending in <c>Z</c>, trailing zero fractions dropped, as Go's <c>time.Time</c> marshals a UTC
/// time (RFC 3339 with nanoseconds): widgets that parse ClaraVerse's <c>2025-07-31T12:00:00Z</c> read Aura's the same way.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
