using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class PlatformPathsTests
{
    private const string Home = "/home/ada";
    private const string AppData = @"C:\Users\ada\AppData\Roaming";
    private const string LocalAppData = @"C:\Users\ada\AppData\Local";

    [Fact]
    public void DefaultConfigFile_LinuxWithXdgConfigHome_UsesIt()
    {
        var environment = Environment(AuraPlatform.Linux, Home, ("XDG_CONFIG_HOME", "/xdg/config"));

        PlatformPaths.DefaultConfigFile(environment).ShouldBe(Path.Join("/xdg/config", "Aura", "aura.toml"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/config")]
    public void DefaultConfigFile_LinuxWithoutUsableXdgConfigHome_FallsBackToDotConfig(string? xdg)
    {
        var environment = Environment(AuraPlatform.Linux, Home, ("XDG_CONFIG_HOME", xdg));

        PlatformPaths.DefaultConfigFile(environment).ShouldBe(Path.Join(Home, ".config", "Aura", "aura.toml"));
    }

    [Fact]
    public void DefaultDbPath_LinuxWithXdgDataHome_UsesIt()
    {
        var environment = Environment(AuraPlatform.Linux, Home, ("XDG_DATA_HOME", "/xdg/data"));

        PlatformPaths.DefaultDbPath(environment).ShouldBe(Path.Join("/xdg/data", "Aura", "telemetry.sqlite"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("data")]
    public void DefaultDbPath_LinuxWithoutUsableXdgDataHome_FallsBackToLocalShare(string? xdg)
    {
        var environment = Environment(AuraPlatform.Linux, Home, ("XDG_DATA_HOME", xdg));

        PlatformPaths.DefaultDbPath(environment).ShouldBe(Path.Join(Home, ".local", "share", "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void DefaultPaths_MacOS_UseApplicationSupportAndIgnoreXdg()
    {
        var environment = Environment(AuraPlatform.MacOS, "/Users/ada", ("XDG_CONFIG_HOME", "/xdg/config"), ("XDG_DATA_HOME", "/xdg/data"));

        PlatformPaths.DefaultConfigFile(environment).ShouldBe(Path.Join("/Users/ada", "Library", "Application Support", "Aura", "aura.toml"));
        PlatformPaths.DefaultDbPath(environment).ShouldBe(Path.Join("/Users/ada", "Library", "Application Support", "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void DefaultPaths_WindowsWithAppData_UseAppData()
    {
        var environment = Environment(AuraPlatform.Windows, @"C:\Users\ada", ("APPDATA", AppData), ("LOCALAPPDATA", LocalAppData));

        PlatformPaths.DefaultConfigFile(environment).ShouldBe(Path.Join(AppData, "Aura", "aura.toml"));
        PlatformPaths.DefaultDbPath(environment).ShouldBe(Path.Join(AppData, "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void DefaultPaths_WindowsWithoutAppData_FallBackToLocalAppData()
    {
        var environment = Environment(AuraPlatform.Windows, @"C:\Users\ada", ("APPDATA", ""), ("LOCALAPPDATA", LocalAppData));

        PlatformPaths.DefaultConfigFile(environment).ShouldBe(Path.Join(LocalAppData, "Aura", "aura.toml"));
        PlatformPaths.DefaultDbPath(environment).ShouldBe(Path.Join(LocalAppData, "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void DefaultConfigFile_WindowsWithNeitherVariable_FallsBackToHomeAppDataRoaming()
    {
        var environment = Environment(AuraPlatform.Windows, @"C:\Users\ada");

        PlatformPaths.DefaultConfigFile(environment).ShouldBe(Path.Join(@"C:\Users\ada", "AppData", "Roaming", "Aura", "aura.toml"));
    }

    [Fact]
    public void DefaultDbPath_WindowsWithNeitherVariable_IsNull()
    {
        var environment = Environment(AuraPlatform.Windows, @"C:\Users\ada");

        PlatformPaths.DefaultDbPath(environment).ShouldBeNull();
    }

    [Theory]
    [InlineData(AuraPlatform.Linux)]
    [InlineData(AuraPlatform.MacOS)]
    [InlineData(AuraPlatform.Windows)]
    public void DefaultPaths_NoHomeAndNoVariables_AreNull(AuraPlatform platform)
    {
        var environment = Environment(platform, home: null);

        PlatformPaths.DefaultConfigFile(environment).ShouldBeNull();
        PlatformPaths.DefaultDbPath(environment).ShouldBeNull();
    }

    private static ConfigEnvironment Environment(AuraPlatform platform, string? home, params (string Name, string? Value)[] variables)
    {
        var map = new Dictionary<string, string?>();
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return ConfigEnvironment.FromVariables(platform, home, map);
    }
}
