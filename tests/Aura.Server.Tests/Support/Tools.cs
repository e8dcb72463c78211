namespace Aura.Server.Tests.Support;

/// <summary>External programs some tests drive (promtool, prometheus, Xvfb, xterm, xdotool), found on PATH; shared with Aura.Agent.Tests.</summary>
internal static class Tools
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string name)
    {
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
