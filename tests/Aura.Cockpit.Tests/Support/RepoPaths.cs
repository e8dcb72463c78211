namespace Aura.Cockpit.Tests.Support;

internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aura.slnx")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (with Aura.slnx) was not found above the test assembly");
        return directory.FullName;
    });

    public static string Root => RootPath.Value;

    /// <summary>The real `aura` executable of this build configuration.</summary>
    public static string Aura
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var binary = Path.Combine(Root, "src", "Aura", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "aura.exe" : "aura");
            File.Exists(binary).ShouldBeTrue($"the aura executable was not built at {binary}");
            return binary;
        }
    }

    /// <summary>Where screenshots and measured figures go (git-ignored; copies worth keeping live in docs/screenshots).</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "tests", "Aura.Cockpit.Tests", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
