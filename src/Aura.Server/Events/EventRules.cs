using System.Globalization;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>Argus's field rules: what a source, an event type, a message and a timestamp may be.</summary>
internal static class EventRules
{
    public const int MaxNameLength = 50;
    public const int MaxMessageLength = 2000;
    public const int MaxFutureHours = 24;
    public const int MaxDataDepth = 64;
    private const long MaxFutureMicros = MaxFutureHours * 3600L * 1_000_000;

    /// <summary>Null when <paramref name="source"/> is valid, else why not.</summary>
    public static string? CheckSource(string source) =>
        CheckName(source, "source", static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-', "^[a-z][a-z0-9-]*$");

    public static string? CheckEventType(string type) =>
        CheckName(type, "event_type", static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.', "^[a-z][a-z0-9_.]*$");

    /// <summary>ISO 8601 with a date, a time and an explicit offset (Z or ±hh:mm): a bare local time would be ambiguous.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset time)
    {
        time = default;
        var t = text.IndexOfAny(['T', 't', ' ']);
        if (t < 8)
        {
            return false;
        }

        var tail = text.AsSpan(t);
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || tail.IndexOfAny('+', '-') >= 0;
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>
    /// Null when an event time is between 1970 and a day past the server's clock, else why not. A far-future event
    /// would sort first in every newest-first query forever; a day covers any clock skew between hosts.
    /// </summary>
    public static string? CheckTimestampRange(long micros, long nowMicros)
    {
        if (micros < 0)
        {
            return "is before 1970-01-01T00:00:00Z, the earliest time an event may have";
        }

        return micros > nowMicros + MaxFutureMicros
            ? $"is more than {MaxFutureHours} hours after the server's clock ({EventTime.Format(nowMicros)}); send the time the event happened"
            : null;
    }

    private static string? CheckName(string value, string field, Func<char, bool> allowed, string pattern)
    {
        if (value.Length == 0)
        {
            return $"{field} must not be empty";
        }

        if (value.Length > MaxNameLength)
        {
            return $"{field} is {value.Length} characters long; the limit is {MaxNameLength}";
        }

        if (value[0] is < 'a' or > 'z')
        {
            return $"{field} '{Shown(value)}' must start with a lower-case letter (pattern {pattern})";
        }

        foreach (var c in value)
        {
            if (!allowed(c))
            {
                return $"{field} '{Shown(value)}' has '{c}', which {pattern} does not allow";
            }
        }

        return null;
    }

    private static string Shown(string value) => value.Length <= MaxNameLength ? value : value[..MaxNameLength] + "...";
}
