namespace Aura.Agent.Tests.Support;

/// <summary>External programs the agent tests drive (Xvfb, xterm, xdotool), found on PATH.</summary>
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

    public static string Require(string name) =>
        Find(name) ?? throw new ShouldAssertException($"{name} is not installed; scripts/test-deps.sh installs it");
}
