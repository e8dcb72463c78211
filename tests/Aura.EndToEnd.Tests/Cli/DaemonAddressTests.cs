using Aura.Cli;
using Aura.Core.Config;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>The one lookup every CLI client uses to find the daemon: flags, then aura.toml's [server], then the defaults.</summary>
public sealed class DaemonAddressTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aura-daemon-address-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void From_NothingConfigured_IsLoopbackOn8765()
    {
        DaemonAddress.From(Resolve("")).Http.ShouldBe(new Uri("http://127.0.0.1:8765/"));
    }

    [Fact]
    public void From_ServerTableAndFlags_FlagsWinOverTheConfigFile()
    {
        var config = Resolve("[server]\nhost = \"127.0.0.2\"\nport = 9000\n");

        DaemonAddress.From(config).Http.ShouldBe(new Uri("http://127.0.0.2:9000/"));
        DaemonAddress.From(config, port: "9100").Http.ShouldBe(new Uri("http://127.0.0.2:9100/"));
        DaemonAddress.From(config, host: "127.0.0.3", port: "9100").Http.ShouldBe(new Uri("http://127.0.0.3:9100/"));
    }

    [Theory]
    [InlineData("0.0.0.0", "http://127.0.0.1:8765/")]
    [InlineData("::", "http://[::1]:8765/")]
    [InlineData("::1", "http://[::1]:8765/")]
    public void Http_DaemonBoundToEveryInterfaceOrIpv6_IsAUsableLoopbackUrl(string host, string expected)
    {
        // `aura agent check` once built "http://::1:8765/" from [server] host = "::1", which is no URL at all.
        DaemonAddress.From(Resolve($"[server]\nhost = \"{host}\"\n")).Http.ShouldBe(new Uri(expected));
    }

    [Fact]
    public void From_PortThatIsNotANumber_IsAUsageErrorNamingTheFlag()
    {
        Should.Throw<UsageException>(() => DaemonAddress.From(Resolve(""), port: "80a")).Message.ShouldContain("--port");
    }

    [Fact]
    public void From_SocketFlag_WinsOverTheConfigFile()
    {
        var flag = Path.Combine(_directory, "flag.sock");

        DaemonAddress.From(Resolve($"[server]\nsocket_path = \"{Path.Combine(_directory, "config.sock")}\"\n"), socket: flag).Socket.ShouldBe(flag);
    }

    private AuraConfig Resolve(string toml)
    {
        var file = Path.Combine(_directory, "aura.toml");
        File.WriteAllText(file, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory, new Dictionary<string, string?>());
        return AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: file), environment);
    }
}
