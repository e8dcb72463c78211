namespace Aura.Server.Cors;

/// <summary>
/// One entry of an origin list: an exact origin (<c>https://app.example</c>), <c>*</c> for any, or an origin with
/// <c>:*</c> for any port of that scheme and host (<c>http://localhost:*</c>, which also matches no port).
/// </summary>
internal static class OriginPattern
{
    public static bool Matches(string pattern, string origin)
    {
        if (pattern == "*" || string.Equals(pattern, origin, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!pattern.EndsWith(":*", StringComparison.Ordinal))
        {
            return false;
        }

        var stem = pattern.AsSpan(0, pattern.Length - 2);
        var candidate = origin.AsSpan();
        if (!candidate.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = candidate[stem.Length..];
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != ':' || rest.Length == 1)
        {
            return false;
        }

        foreach (var c in rest[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks an entry from <c>aura.toml</c>; returns a description of the problem, or null when it is usable.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern == "*" || pattern == "file://" || pattern == "null")
        {
            return null;
        }

        var exact = pattern.EndsWith(":*", StringComparison.Ordinal) ? pattern[..^2] : pattern;
        return Uri.TryCreate(exact, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && !exact.EndsWith('/') && uri.Query.Length == 0
            ? null
            : $"'{pattern}' is not an origin: use scheme://host[:port] with no path or trailing slash (e.g. http://localhost:5173), scheme://host:* for any port, or *";
    }
}
