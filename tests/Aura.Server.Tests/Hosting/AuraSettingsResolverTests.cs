using Aura.Core.Config;
using Aura.Server.Hosting;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Tests.Hosting;

public sealed class AuraSettingsResolverTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-settings-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Resolve_FlagBeatsEnvironmentBeatsFile()
    {
        var toml = """
            [server]
            port = 9001
            socket_path = "/run/from-file.sock"
            metrics_token = "file-token"
            """;
        var variables = new Dictionary<string, string?> { ["JETSONSCOPE_SOCKET_PATH"] = "/run/from-env.sock", ["AURA_METRICS_TOKEN"] = "env-token" };

        var fromFile = Resolve(toml, ServeFlags.None, variables);
        var fromFlags = Resolve(toml, new ServeFlags { Port = 9002, SocketPath = "/run/from-flag.sock" }, variables);

        fromFile.Server.Port.ShouldBe(9001);
        fromFile.Server.SocketPath.ShouldBe("/run/from-env.sock");
        fromFile.Server.MetricsToken.ShouldBe("env-token");
        fromFlags.Server.Port.ShouldBe(9002);
        fromFlags.Server.SocketPath.ShouldBe("/run/from-flag.sock");
    }

    [Fact]
    public void Resolve_EventLogFollowsTheDvrFlag_AndTheIntervalReachesTheSampler()
    {
        var dvr = Path.Combine(_directory.FullName, "dvr", "t.sqlite");

        var settings = Resolve("", new ServeFlags { DbPath = dvr, IntervalSeconds = 0.5 }, []);

        settings.Config.DbPath.ShouldBe(dvr);
        settings.Events.Options.ShouldNotBeNull().Path.ShouldBe(Path.Combine(_directory.FullName, "dvr", "events.sqlite"));
        settings.Server.Interval.ShouldBe(TimeSpan.FromMilliseconds(500));
        settings.Sampler.Interval.ShouldBe(TimeSpan.FromMilliseconds(500));
        settings.ClocksStorePath.ShouldBe(Path.Combine(_directory.FullName, "dvr", "l4t_dfs.conf"));
    }

    [Fact]
    public void Resolve_TheEnvironmentsPathAndTegrastatsCommand_ReachTheSampler()
    {
        var settings = Resolve("", ServeFlags.None, new Dictionary<string, string?> { ["PATH"] = "/opt/tools/bin", ["AURA_TEGRASTATS_CMD"] = "emulator --fast" });

        settings.Sampler.SearchPath.ShouldBe("/opt/tools/bin");
        var tegrastats = settings.Sampler.Tegrastats.ShouldNotBeNull();
        tegrastats.Mode.ShouldBe(TegrastatsMode.Command);
        tegrastats.Executable.ShouldBe("emulator");
    }

    [Fact]
    public void Resolve_InvalidHealthInterval_IsAConfigErrorNamingTheVariable()
    {
        Should.Throw<ConfigException>(() => Resolve("", ServeFlags.None, new Dictionary<string, string?> { ["AURA_HEALTH_LOG_INTERVAL"] = "soon" }))
            .Message.ShouldContain("AURA_HEALTH_LOG_INTERVAL");
    }

    private AuraSettings Resolve(string toml, ServeFlags flags, Dictionary<string, string?> variables)
    {
        var path = Path.Combine(_directory.FullName, "aura.toml");
        File.WriteAllText(path, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory.FullName, variables);
        return AuraSettingsResolver.Resolve(flags with { ConfigFile = path }, environment);
    }
}
