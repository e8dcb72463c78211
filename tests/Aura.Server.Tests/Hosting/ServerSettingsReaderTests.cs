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

    private ServerSettings Read(string toml)
    {
        var path = Path.Combine(_directory.FullName, "aura.toml");
        File.WriteAllText(path, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory.FullName, new Dictionary<string, string?>());
        return ServerSettingsReader.Read(AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: path), environment));
    }
}
