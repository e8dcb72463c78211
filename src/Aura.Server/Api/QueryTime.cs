using System.Globalization;

namespace Aura.Server.Api;

/// <summary>Times in query strings: epoch seconds, or ISO 8601 with an explicit offset (a bare local time is ambiguous).</summary>
internal static class QueryTime
{
    private const double MaxEpochSeconds = 253_402_300_799;

    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (!double.IsFinite(seconds) || seconds < 0 || seconds > MaxEpochSeconds)
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            return true;
        }

        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var hasOffset = t >= 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(t).IndexOfAny('+', '-') >= 0);
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
