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

    /// <summary>A captured or hand-written tool output under tests/fixtures/gpu.</summary>
    public static string GpuFile(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "gpu", relativePath);
        File.Exists(path).ShouldBeTrue($"GPU fixture '{relativePath}' is missing at {path}");
        return path;
    }

    public static Tick At(double seconds) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (long)(seconds * 1000)), TimeSpan.FromSeconds(seconds));
}
