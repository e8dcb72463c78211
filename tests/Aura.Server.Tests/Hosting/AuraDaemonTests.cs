using Aura.Core.Config;
using Aura.Server.Hosting;
using Aura.Server.Tests.Support;
using Aura.Storage.Dvr;

namespace Aura.Server.Tests.Hosting;

/// <summary>The daemon `aura serve` runs, built from settings alone, with only the sampled source swapped for a fake.</summary>
public sealed class AuraDaemonTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-daemon-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Build_FromSettings_RecordsIntoTheDvrAndServesTheEventLogTheyName()
    {
        var dvr = Path.Combine(_directory.FullName, "telemetry.sqlite");
        var settings = Settings(new ServeFlags { DbPath = dvr });
        using var source = new FakeSource(TimeProvider.System);
        long published;
        await using (var daemon = AuraDaemon.Build(settings, new DaemonParts { Source = source }))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await daemon.StartAsync(timeout.Token);
            await daemon.Server.Hub.WaitForTickAsync(3, timeout.Token);
            using var http = new HttpClient { BaseAddress = daemon.Server.Address };
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/events", UriKind.Relative));
            request.Headers.Add("X-API-Key", Keys.Read);
            using var events = await http.SendAsync(request, timeout.Token);

            ((int)events.StatusCode).ShouldBe(200, "the event log the settings name is open (503 without one)");
            daemon.HistorySummary.ShouldBe($"recording to {dvr}");
            daemon.EventsSummary.ShouldStartWith(Path.Combine(_directory.FullName, "events.sqlite"));
            await daemon.StopAsync(timeout.Token);
            published = daemon.Server.Hub.Ticks;
        }

        using var reader = DvrReader.Open(dvr);
        reader.Latest(1000, includeValues: false).Count.ShouldBeGreaterThanOrEqualTo(3, $"published {published}");
    }

    [Fact]
    public void Build_ExplicitDvrThatCannotBeUsed_IsAConfigErrorNamingTheFlag()
    {
        var blocker = Path.Combine(_directory.FullName, "a-file");
        File.WriteAllText(blocker, "not a directory");
        var settings = Settings(new ServeFlags { DbPath = Path.Combine(blocker, "telemetry.sqlite"), EventsPath = Path.Combine(_directory.FullName, "events.sqlite") });
        using var source = new FakeSource(TimeProvider.System);

        var error = Should.Throw<ConfigException>(() => AuraDaemon.Build(settings, new DaemonParts { Source = source }));

        error.Message.ShouldStartWith($"--db-path: cannot use DVR database {Path.Combine(blocker, "telemetry.sqlite")}");
    }

    private AuraSettings Settings(ServeFlags flags)
    {
        var file = Path.Combine(_directory.FullName, "aura.toml");
        File.WriteAllText(file, "");
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory.FullName, new Dictionary<string, string?>());
        var settings = AuraSettingsResolver.Resolve(flags with { ConfigFile = file, IntervalSeconds = 0.1 }, environment);
        return settings with
        {
            Server = settings.Server with { Port = 0, SocketPath = null, Keys = Keys.Set },
            HardwareRoot = null,
        };
    }
}
