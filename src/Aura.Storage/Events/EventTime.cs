using System.Globalization;

namespace Aura.Storage.Events;

/// <summary>Event times as stored: UTC microseconds since the Unix epoch, written back as ISO 8601 with a Z.</summary>
public static class EventTime
{
    public static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset ToTime(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    /// <summary><c>2025-11-20T12:34:56.123456Z</c>, with trailing zeros of the fraction (and a bare dot) left out.</summary>
    public static string Format(long micros) =>
        ToTime(micros).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Format"/> into <paramref name="destination"/> without allocating.</summary>
    public static bool TryFormat(long micros, Span<byte> destination, out int written) =>
        ToTime(micros).UtcDateTime.TryFormat(destination, out written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
