using Aura.Server.Hosting;
using Aura.Telemetry;

namespace Aura.Server.Tests.Support;

/// <summary>A real <see cref="AuraServer"/> on 127.0.0.1 with a free port, and an HttpClient pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string LoginToken = "test-login-token-0123456789";

    private RunningServer(AuraServer server, FakeSource source)
    {
        Server = server;
        Source = source;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public AuraServer Server { get; }

    public FakeSource Source { get; }

    public HttpClient Http { get; }

    /// <summary>The test defaults: a free port on 127.0.0.1, a 100 ms tick and a known login token.</summary>
    public static ServerOptions Defaults { get; } = new()
    {
        Host = "127.0.0.1",
        Port = 0,
        Interval = TimeSpan.FromMilliseconds(100),
        LoginToken = LoginToken,
    };

    /// <summary>Starts a server on the test defaults as changed by <paramref name="configure"/>.</summary>
    /// <param name="configure">Changes to <see cref="Defaults"/>.</param>
    /// <param name="services">The DVR, recorder or controls to build with.</param>
    /// <param name="source">The fake source to sample; a new one when null.</param>
    /// <param name="custom">A source of the test's own, sampled instead of <paramref name="source"/>.</param>
    public static async Task<RunningServer> StartAsync(
        Func<ServerOptions, ServerOptions>? configure = null, ServerServices? services = null, FakeSource? source = null, ISnapshotSource? custom = null)
    {
        source ??= new FakeSource(TimeProvider.System);
        var options = configure is null ? Defaults : configure(Defaults);
        var server = AuraServer.Build(options, custom ?? source, TimeProvider.System, services);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.StartAsync(timeout.Token);
        return new RunningServer(server, source);
    }

    public Uri WebSocketUri(string path) => new UriBuilder(new Uri(Server.Address, path)) { Scheme = "ws" }.Uri;

    /// <summary>Waits (bounded) until the server has published more than <paramref name="ticks"/> ticks.</summary>
    public async Task WaitForTickAsync(long ticks)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.Hub.WaitForTickAsync(ticks, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.StopAsync(timeout.Token);
        await Server.DisposeAsync();
    }
}
