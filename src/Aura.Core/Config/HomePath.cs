namespace Aura.Core.Config;

/// <summary>
/// Expands a leading <c>~</c>, <c>$HOME</c> or <c>${HOME}</c> in a configured path, as the shells the earlier tools'
/// users wrote them for would (Argus's own default is <c>~/.local/share/argus/events.db</c>). A path naming another user's
/// home (<c>~bob/</c>) is left alone: TOML files and environment variables have no shell to look that up.
/// </summary>
public static class HomePath
{
    public static string Expand(string path, string? home)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrEmpty(home))
        {
            return path;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["~", "$HOME", "${HOME}"])
        {
            if (path == prefix)
            {
                return home;
            }

            if (path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && IsSeparator(path[prefix.Length]))
            {
                return Path.Join(home, path[(prefix.Length + 1)..]);
            }
        }

        return path;
    }

    private static bool IsSeparator(char c) => c == '/' || c == Path.DirectorySeparatorChar;
}
