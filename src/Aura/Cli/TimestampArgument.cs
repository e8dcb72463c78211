using System.Globalization;

namespace Aura.Cli;

/// <summary>Parses --since/--until: epoch seconds, or ISO 8601 with an explicit offset (a bare local time is ambiguous).</summary>
internal static class TimestampArgument
{
    public static DateTimeOffset Parse(string option, string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (!double.IsFinite(seconds) || seconds < 0 || seconds > 253_402_300_799)
            {
                throw new UsageException($"{option}: '{text}' is not a valid epoch time in seconds");
            }

            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        if (!HasOffset(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new UsageException(
                $"{option}: '{text}' is not epoch seconds or an ISO 8601 time with an offset (e.g. 2026-11-21T10:00:00Z)");
        }

        return instant;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0)
        {
            return false;
        }

        var time = text.AsSpan(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.Contains('+') || time.Contains('-');
    }
}
