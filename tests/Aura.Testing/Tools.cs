namespace Aura.Testing;

/// <summary>External programs some tests drive (gcc, promtool, prometheus, tmux, Xvfb, xterm, xdotool, Chromium).</summary>
public static class Tools
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The program's path: <paramref name="name"/> itself when it is an absolute path that exists, else the first match on PATH.</summary>
    public static string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The tool's path; a missing tool fails the test (a test only runs without it under CI=true, where it must fail).</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new ShouldAssertException($"{name} is not installed; scripts/test-deps.sh installs it");
}
