using Aura.Server.Hosting;
using Aura.Telemetry;

namespace Aura.Server.Tests.Support;

/// <summary>
/// A real daemon (<see cref="AuraDaemon"/>, the graph `aura serve` builds) on 127.0.0.1 with a free port, sampling a fake
/// source, and an HttpClient pointed at it.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string LoginToken = "test-login-token-0123456789";

    private RunningServer(AuraDaemon daemon, FakeSource source)
    {
        Daemon = daemon;
        Server = daemon.Server;
        Source = source;
        Http = new HttpClient { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public AuraDaemon Daemon { get; }

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
    /// <param name="parts">The DVR, recorder, event log or controls to build with instead of none.</param>
    /// <param name="source">The fake source to sample; a new one when null.</param>
    /// <param name="custom">A source of the test's own, sampled instead of <paramref name="source"/>.</param>
    public static async Task<RunningServer> StartAsync(
        Func<ServerOptions, ServerOptions>? configure = null, DaemonParts? parts = null, FakeSource? source = null, ISnapshotSource? custom = null)
    {
        source ??= new FakeSource(TimeProvider.System);
        var options = configure is null ? Defaults : configure(Defaults);
        var daemon = Build(options, custom ?? source, parts);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await daemon.StartAsync(timeout.Token);
        return new RunningServer(daemon, source);
    }

    /// <summary>
    /// The daemon on <paramref name="options"/>, sampling <paramref name="source"/> (the caller's to dispose), not started.
    /// No DVR, event log, controls or Jetson detection unless <paramref name="parts"/> brings them: a test server never
    /// touches this machine's hardware or files.
    /// </summary>
    public static AuraDaemon Build(ServerOptions options, ISnapshotSource source, DaemonParts? parts = null) =>
        AuraDaemon.Build(new AuraSettings { Server = options }, (parts ?? DaemonParts.None) with { Source = source });

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
        await Daemon.StopAsync(timeout.Token);
        await Daemon.DisposeAsync();
    }
}
