namespace Aura.Telemetry.Tests;

/// <summary>Fixture trees: each is the root of a captured or hand-made Linux filesystem (proc/, sys/, etc/).</summary>
internal static class Fixtures
{
    public static string Root(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "roots", name);
        Directory.Exists(path).ShouldBeTrue($"fixture tree '{name}' is missing at {path}");
        return path;
    }

    public static Tick At(double seconds) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (long)(seconds * 1000)), TimeSpan.FromSeconds(seconds));
}
