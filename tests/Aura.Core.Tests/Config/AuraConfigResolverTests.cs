using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class AuraConfigResolverTests : IDisposable
{
    private readonly ConfigTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Resolve_NothingConfigured_UsesThePlatformDefaultDbPath()
    {
        var config = _env.Resolve();

        config.DbPath.ShouldBe(_env.Home.Combine(".local", "share", "Aura", "telemetry.sqlite"));
        config.DbPathSource.ShouldBe(ConfigSource.Default);
        config.DbPathIsExplicit.ShouldBeFalse();
        config.RetentionSeconds.ShouldBeNull();
        config.RetentionSecondsSource.ShouldBe(ConfigSource.Default);
        config.ConfigFile.ShouldBeNull();
        config.Toml.Count.ShouldBe(0);
    }

    [Fact]
    public void Resolve_NoHomeAndNoVariables_LeavesTheDbPathUnsetButNotExplicit()
    {
        var config = AuraConfigResolver.Resolve(
            ConfigOverrides.None, ConfigEnvironment.FromVariables(AuraPlatform.Linux, homeDirectory: null, new Dictionary<string, string?>()));

        config.DbPath.ShouldBeNull();
        config.DbPathIsExplicit.ShouldBeFalse();
    }

    [Theory]
    [InlineData(AuraPlatform.Linux, new[] { ".config", "Aura", "aura.toml" })]
    [InlineData(AuraPlatform.MacOS, new[] { "Library", "Application Support", "Aura", "aura.toml" })]
    [InlineData(AuraPlatform.Windows, new[] { "AppData", "Roaming", "Aura", "aura.toml" })]
    public void Resolve_ConfigFileAtThePlatformLocation_IsRead(AuraPlatform platform, string[] location)
    {
        _env.Platform = platform;
        var file = _env.Home.Write("[persistence]\ndb_path = '/data/aura.sqlite'\nretention_seconds = 3600\n", location);

        var config = _env.Resolve();

        config.ConfigFile.ShouldBe(file);
        config.DbPath.ShouldBe(Path.GetFullPath("/data/aura.sqlite"));
        config.DbPathSource.ShouldBe(ConfigSource.ConfigFile);
        config.DbPathIsExplicit.ShouldBeTrue();
        config.RetentionSeconds.ShouldBe(3600.0);
        config.RetentionSecondsSource.ShouldBe(ConfigSource.ConfigFile);
    }

    [Fact]
    public void Resolve_WindowsAppData_IsPreferredOverLocalAppDataAndHome()
    {
        _env.Platform = AuraPlatform.Windows;
        _env.Set("APPDATA", _env.Home.Combine("Roaming")).Set("LOCALAPPDATA", _env.Home.Combine("Local"));
        _env.Home.Write("[persistence]\nretention_seconds = 1", "Roaming", "Aura", "aura.toml");
        _env.Home.Write("[persistence]\nretention_seconds = 2", "Local", "Aura", "aura.toml");
        _env.Home.Write("[persistence]\nretention_seconds = 3", "AppData", "Roaming", "Aura", "aura.toml");

        var config = _env.Resolve();

        config.RetentionSeconds.ShouldBe(1.0);
        config.DbPath.ShouldBe(_env.Home.Combine("Roaming", "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void Resolve_WindowsWithoutAppData_ReadsLocalAppData()
    {
        _env.Platform = AuraPlatform.Windows;
        _env.Set("LOCALAPPDATA", _env.Home.Combine("Local"));
        _env.Home.Write("[persistence]\nretention_seconds = 2", "Local", "Aura", "aura.toml");

        var config = _env.Resolve();

        config.RetentionSeconds.ShouldBe(2.0);
        config.DbPath.ShouldBe(_env.Home.Combine("Local", "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void Resolve_LinuxXdgDirectories_HoldTheConfigFileAndDefaultDb()
    {
        _env.Set("XDG_CONFIG_HOME", _env.Home.Combine("cfg")).Set("XDG_DATA_HOME", _env.Home.Combine("data"));
        _env.Home.Write("[persistence]\nretention_seconds = 5", "cfg", "Aura", "aura.toml");
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 6");

        var config = _env.Resolve();

        config.RetentionSeconds.ShouldBe(5.0);
        config.DbPath.ShouldBe(_env.Home.Combine("data", "Aura", "telemetry.sqlite"));
    }

    [Fact]
    public void Resolve_EnvironmentSet_BeatsTheConfigFile()
    {
        _env.WriteDefaultConfig("[persistence]\ndb_path = '/from/file.sqlite'\nretention_seconds = 100");
        _env.Set("AURA_DB_PATH", "/from/env.sqlite").Set("AURA_RETENTION_SECONDS", "200");

        var config = _env.Resolve();

        config.DbPath.ShouldBe(Path.GetFullPath("/from/env.sqlite"));
        config.DbPathSource.ShouldBe(ConfigSource.Environment);
        config.DbPathIsExplicit.ShouldBeTrue();
        config.RetentionSeconds.ShouldBe(200.0);
        config.RetentionSecondsSource.ShouldBe(ConfigSource.Environment);
    }

    [Fact]
    public void Resolve_FlagsSet_BeatTheEnvironmentAndTheConfigFile()
    {
        _env.WriteDefaultConfig("[persistence]\ndb_path = '/from/file.sqlite'\nretention_seconds = 100");
        _env.Set("AURA_DB_PATH", "/from/env.sqlite").Set("AURA_RETENTION_SECONDS", "200");

        var config = _env.Resolve(new ConfigOverrides(DbPath: "/from/flag.sqlite", RetentionSeconds: 300));

        config.DbPath.ShouldBe(Path.GetFullPath("/from/flag.sqlite"));
        config.DbPathSource.ShouldBe(ConfigSource.CommandLine);
        config.DbPathIsExplicit.ShouldBeTrue();
        config.RetentionSeconds.ShouldBe(300.0);
        config.RetentionSecondsSource.ShouldBe(ConfigSource.CommandLine);
    }

    [Fact]
    public void Resolve_EachSettingFromADifferentSource_ResolvesEachOnItsOwn()
    {
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 100");
        _env.Set("AURA_DB_PATH", "/from/env.sqlite");

        var config = _env.Resolve();

        config.DbPathSource.ShouldBe(ConfigSource.Environment);
        config.RetentionSecondsSource.ShouldBe(ConfigSource.ConfigFile);
        config.RetentionSeconds.ShouldBe(100.0);
    }

    [Fact]
    public void Resolve_EmptyEnvironmentVariables_CountAsUnset()
    {
        _env.Set("AURA_DB_PATH", "").Set("AURA_RETENTION_SECONDS", "").Set("AURA_CONFIG", "");

        var config = _env.Resolve();

        config.DbPathSource.ShouldBe(ConfigSource.Default);
        config.RetentionSeconds.ShouldBeNull();
    }

    [Theory]
    [InlineData("86400", 86400.0)]
    [InlineData("1.5", 1.5)]
    [InlineData(" 60 ", 60.0)]
    [InlineData("1e3", 1000.0)]
    public void Resolve_RetentionFromEnvironment_ParsesInvariantNumbers(string value, double expected)
    {
        _env.Set("AURA_RETENTION_SECONDS", value);

        _env.Resolve().RetentionSeconds.ShouldBe(expected);
    }

    [Fact]
    public void Resolve_FloatRetentionInFile_IsKept()
    {
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 0.5");

        _env.Resolve().RetentionSeconds.ShouldBe(0.5);
    }

    [Fact]
    public void Resolve_RelativeDbPathInFile_IsTakenFromTheConfigFilesDirectory()
    {
        var file = _env.WriteDefaultConfig("[persistence]\ndb_path = 'db/aura.sqlite'");

        var config = _env.Resolve();

        config.DbPath.ShouldBe(Path.Join(Path.GetDirectoryName(file), "db", "aura.sqlite"));
    }

    [Fact]
    public void Resolve_RelativeDbPathFromFlagOrEnvironment_IsTakenFromTheWorkingDirectory()
    {
        _env.Set("AURA_DB_PATH", "env.sqlite");

        _env.Resolve().DbPath.ShouldBe(Path.Join(Directory.GetCurrentDirectory(), "env.sqlite"));
        _env.Resolve(new ConfigOverrides(DbPath: "flag.sqlite")).DbPath.ShouldBe(Path.Join(Directory.GetCurrentDirectory(), "flag.sqlite"));
    }

    [Fact]
    public void Resolve_ConfigFlag_ReadsThatFileInsteadOfTheDefault()
    {
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 1");
        var named = _env.Home.Write("[persistence]\nretention_seconds = 2", "elsewhere.toml");
        _env.Set("AURA_CONFIG", _env.Home.Write("[persistence]\nretention_seconds = 3", "from-env.toml"));

        var config = _env.Resolve(new ConfigOverrides(ConfigFile: named));

        config.ConfigFile.ShouldBe(named);
        config.RetentionSeconds.ShouldBe(2.0);
    }

    [Fact]
    public void Resolve_AuraConfigVariable_ReadsThatFileInsteadOfTheDefault()
    {
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 1");
        var named = _env.Home.Write("[persistence]\nretention_seconds = 3", "from-env.toml");
        _env.Set("AURA_CONFIG", named);

        var config = _env.Resolve();

        config.ConfigFile.ShouldBe(named);
        config.RetentionSeconds.ShouldBe(3.0);
    }

    [Fact]
    public void Resolve_ConfigFileWithOtherSections_ExposesThemThroughToml()
    {
        _env.WriteDefaultConfig("[server]\nhost = '127.0.0.1'\nport = 7070\napi_keys = ['k1', 'k2']\n[persistence]\nretention_seconds = 10");

        var toml = _env.Resolve().Toml;

        toml.TryGetArray("server.api_keys", out var keys).ShouldBeTrue();
        keys.ShouldBe(["k1", "k2"]);
        toml.TryGetInt64("server.port", out var port).ShouldBeTrue();
        port.ShouldBe(7070);
        toml.LineAt("server.api_keys").ShouldBe(4);
    }

    [Fact]
    public void Resolve_ConfigFileWithoutPersistence_UsesDefaults()
    {
        var file = _env.WriteDefaultConfig("# nothing yet\n[server]\nport = 1");

        var config = _env.Resolve();

        config.ConfigFile.ShouldBe(file);
        config.DbPathSource.ShouldBe(ConfigSource.Default);
        config.RetentionSeconds.ShouldBeNull();
    }

    [Fact]
    public void Resolve_ConfigFileWithBomAndCrlf_IsRead()
    {
        var file = _env.Home.Combine(".config", "Aura", "aura.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "[persistence]\r\nretention_seconds = 42\r\n"u8]);

        _env.Resolve().RetentionSeconds.ShouldBe(42.0);
    }
}
