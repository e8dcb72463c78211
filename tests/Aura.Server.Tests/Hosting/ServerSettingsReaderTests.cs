using Aura.Core.Config;
using Aura.Server.Auth;
using Aura.Server.Hosting;

namespace Aura.Server.Tests.Hosting;

public sealed class ServerSettingsReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-server-config-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Read_ArgusApiKeys_GrantEveryScope()
    {
        var settings = Read("""
            [server]
            api_keys = ["argus-style-key-0123456789"]
            """);

        var key = settings.Keys.Find("argus-style-key-0123456789");
        key.ShouldNotBeNull();
        key.Allows(ApiScopes.Read).ShouldBeTrue();
        key.Allows(ApiScopes.Control).ShouldBeTrue();
        key.Allows(ApiScopes.Admin).ShouldBeTrue();
    }

    [Fact]
    public void Read_ScopedKeys_GrantOnlyTheirScopes()
    {
        var settings = Read("""
            [server.keys]
            read = ["reader-key-0123456789ab"]
            control = ["controller-key-0123456789", "reader-key-0123456789ab"]
            """);

        var reader = settings.Keys.Find("reader-key-0123456789ab")!;
        reader.Allows(ApiScopes.Read).ShouldBeTrue();
        reader.Allows(ApiScopes.Control).ShouldBeTrue("a key listed under two scopes has both");
        var controller = settings.Keys.Find("controller-key-0123456789")!;
        controller.Allows(ApiScopes.Control).ShouldBeTrue();
        controller.Allows(ApiScopes.Read).ShouldBeFalse();
        settings.Keys.Find("not-a-key-0123456789abc").ShouldBeNull();
    }

    [Fact]
    public void Read_ServerTable_ReadsEverySetting()
    {
        var settings = Read("""
            [server]
            host = "0.0.0.0"
            port = 9000
            interval = 0.5
            socket_path = "run/aura.sock"
            metrics_token = "scrape-me"
            cors_origins = ["http://localhost:5173"]
            """);

        settings.Host.ShouldBe("0.0.0.0");
        settings.Port.ShouldBe(9000);
        settings.IntervalSeconds.ShouldBe(0.5);
        settings.SocketPath.ShouldBe(Path.Combine(_directory.FullName, "run", "aura.sock"), "relative to the config file");
        settings.MetricsToken.ShouldBe("scrape-me");
        settings.CorsOrigins.ShouldBe(["http://localhost:5173"]);
    }

    [Fact]
    public void Read_NoServerTable_IsAllDefaults()
    {
        var settings = Read("""
            [persistence]
            retention_seconds = 60
            """);

        settings.ShouldBeSameAs(ServerSettings.None);
    }

    [Theory]
    [InlineData("[server]\nport = 70000", "line 2: server.port must be an integer from 1 to 65535")]
    [InlineData("[server]\nport = \"80\"", "server.port")]
    [InlineData("[server]\napi_keys = \"one-key-0123456789abcdef\"", "line 2: server.api_keys must be an array of strings")]
    [InlineData("[server]\napi_keys = [\"short\"]", "server.api_keys entry 0 is too short")]
    [InlineData("[server.keys]\nsuperuser = [\"key-0123456789abcdef\"]", "line 2: server.keys.superuser is not a scope")]
    [InlineData("[server]\ninterval = 0", "server.interval must be from 0.05 to 3600 seconds")]
    [InlineData("[server]\nhost = \"\"", "server.host must be a non-empty string")]
    public void Read_BadSetting_NamesFileLineAndSetting(string toml, string expected)
    {
        var error = Should.Throw<ConfigException>(() => Read(toml));

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("aura.toml");
    }

    [Fact]
    public void Read_CorsAndLiveStatsOrigins_Kept()
    {
        var settings = Read("""
            [server]
            cors_origins = ["https://dash.example", "http://localhost:*"]
            live_stats_origins = ["app://claraverse"]
            """);

        settings.CorsOrigins.ShouldBe(["https://dash.example", "http://localhost:*"]);
        settings.LiveStatsOrigins.ShouldNotBeNull().ShouldBe(["app://claraverse"]);
    }

    [Theory]
    [InlineData("http://localhost:5173/")]
    [InlineData("localhost:5173")]
    [InlineData("https://dash.example/widgets")]
    public void Read_OriginWithPathOrWithoutScheme_RefusedNamingIt(string origin)
    {
        var error = Should.Throw<ConfigException>(() => Read($$"""
            [server]
            cors_origins = ["{{origin}}"]
            """));

        error.Message.ShouldContain($"line 2: server.cors_origins '{origin}' is not an origin");
    }

    [Fact]
    public void Read_ArgusLimits_AppliedAndBounded()
    {
        var limits = LimitsSettingsReader.Apply(new ServerLimits(), Config("""
            [limits]
            max_payload_size_kb = 2048
            max_query_limit = 250
            """));

        limits.MaxEventBodyBytes.ShouldBe(2048 * 1024);
        limits.MaxRequestBodyBytes.ShouldBe(2048 * 1024, "Kestrel must let a body that size through");
        limits.MaxEventQueryLimit.ShouldBe(250);
        Should.Throw<ConfigException>(() => LimitsSettingsReader.Apply(new ServerLimits(), Config("[limits]\nmax_query_limit = 0")))
            .Message.ShouldContain("limits.max_query_limit must be a whole number from 1 to 10000");
        Should.Throw<ConfigException>(() => LimitsSettingsReader.Apply(new ServerLimits(), Config("[limits]\nmax_payload_size_kb = 16385")))
            .Message.ShouldContain("limits.max_payload_size_kb must be a whole number from 1 to 16384");
    }

    [Fact]
    public void UnusedSettings_ArgusKeysAuraDoesNotUse_NamedInOneLine()
    {
        var config = Config("""
            [database]
            path = "events.db"
            pool_size = 4
            [retention]
            days = 7
            [web_ui]
            title = "Argus Observability"
            [logging]
            level = "info"
            """);

        UnusedSettings.Warning(config).ShouldBe($"{config.ConfigFile}: Aura does not use database.pool_size, web_ui.title, logging.level; ignoring them");
        UnusedSettings.Warning(Config("[server]\nport = 8765")).ShouldBeNull();
    }

    [Fact]
    public void Read_SocketPathWithTilde_ExpandsToHome()
    {
        var settings = Read("""
            [server]
            socket_path = "~/run/aura.sock"
            """);

        settings.SocketPath.ShouldBe(Path.Combine(_directory.FullName, "run", "aura.sock"));
    }

    [Fact]
    public void ClientKey_IsTheFirstKeyCarryingTheScope_ApiKeysFirst_AdminForAnything()
    {
        var scoped = Config("""
            [server.keys]
            read = ["reader-key-0123456789ab"]
            admin = ["admin-key-0123456789abc"]
            """);
        var argus = Config("""
            [server]
            api_keys = ["argus-style-key-0123456789"]
            [server.keys]
            read = ["reader-key-0123456789ab"]
            """);

        ServerSettingsReader.ClientKey(scoped, ApiScopes.Read).ShouldBe("reader-key-0123456789ab");
        ServerSettingsReader.ClientKey(scoped, ApiScopes.Control).ShouldBe("admin-key-0123456789abc", "admin carries every scope");
        ServerSettingsReader.ClientKey(argus, ApiScopes.Read).ShouldBe("argus-style-key-0123456789", "api_keys come first");
        ServerSettingsReader.ClientKey(Config("[server.keys]\nread = [\"reader-key-0123456789ab\"]"), ApiScopes.Control).ShouldBeNull();
        ServerSettingsReader.ClientKey(Config("[server]\nport = 8765"), ApiScopes.Read).ShouldBeNull();
    }

    private ServerSettings Read(string toml) => ServerSettingsReader.Read(Config(toml));

    private AuraConfig Config(string toml)
    {
        var path = Path.Combine(_directory.FullName, "aura.toml");
        File.WriteAllText(path, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory.FullName, new Dictionary<string, string?>());
        return AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: path), environment);
    }
}
