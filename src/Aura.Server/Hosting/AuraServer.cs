using Aura.Core.Config;
using Aura.Server.Auth;
using Aura.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aura.Server.Hosting;

/// <summary>
/// Aura's HTTP, WebSocket and UNIX-socket server as a library: `aura serve`, the tests and the benchmarks all host this
/// same object in-process. One sampler feeds every client.
/// </summary>
public sealed partial class AuraServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerState _state;
    private Uri? _address;

    private AuraServer(WebApplication app, ServerState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The bound HTTP address, e.g. <c>http://127.0.0.1:8765/</c>; known once <see cref="StartAsync"/> returns.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("the server has not started");

    /// <summary>The link that signs a browser in (Jupyter style): <c>http://127.0.0.1:8765/?token=...</c>.</summary>
    public Uri LoginUrl => new(Address, "/?token=" + Uri.EscapeDataString(_state.LoginToken));

    /// <summary>The UNIX socket path, or null when the socket is off.</summary>
    public string? SocketPath => _state.Options.SocketPath;

    public ServerOptions Options => _state.Options;

    /// <summary>The latest tick and the tick feed.</summary>
    public Sampling.SnapshotHub Hub => _state.Hub;

    public ServerCounters Counters => _state.Counters;

    /// <summary>The OTLP exporter's counters once it started; null when export is off.</summary>
    public Otlp.OtlpCounters? OtlpCounters => _state.Otlp?.Counters;

    /// <summary>
    /// Builds the server. It samples <paramref name="source"/> once per tick (the caller keeps ownership of it) and takes
    /// every time from <paramref name="clock"/>.
    /// </summary>
    /// <exception cref="ConfigException">The options are unusable, e.g. a non-loopback host without API keys.</exception>
    public static AuraServer Build(ServerOptions options, ISnapshotSource source, TimeProvider clock, ServerServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(clock);
        services ??= ServerServices.None;
        var address = HostAddress.Parse(options.Host);
        Validate(options, address);

        var loginToken = options.LoginToken ?? SessionStore.Base64Url(KernelRandom.GetBytes(24));
        var state = new ServerState(options, services, clock, loginToken);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Aura",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            // Aura's settings come from aura.toml, read once; watching appsettings.json for changes only cost a thread.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        ConfigureServices(builder, state, source, services, address);
        var app = builder.Build();
        ConfigurePipeline(app, state, services.ExtraEndpoints);
        return new AuraServer(app, state);
    }

    /// <summary>Takes the first snapshot, then starts listening; returns once clients can connect.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken);
        _state.Started = true;
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no bound address");
        _address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
    }

    /// <summary>Stops accepting, closes live clients, stops the sampler and flushes the recorder.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void Validate(ServerOptions options, System.Net.IPAddress address)
    {
        if (!HostAddress.IsLoopback(address) && options.Keys.IsEmpty)
        {
            throw new ConfigException(
                $"--host {options.Host} would expose Aura beyond this machine, and no API keys are configured: run `aura config init` first (or use --host 127.0.0.1)");
        }

        if (options.MetricsListen is { } metrics && !HostAddress.IsLoopback(metrics.Address) && options.Keys.IsEmpty && string.IsNullOrEmpty(options.MetricsToken))
        {
            throw new ConfigException(
                $"JETSONSCOPE_HTTP_ADDR {metrics} would expose the metrics beyond this machine, and neither API keys nor JETSONSCOPE_METRICS_TOKEN are set: set one (or use 127.0.0.1)");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ConfigException($"--port must be from 0 to 65535, not {options.Port}");
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            throw new ConfigException("--interval must be greater than 0");
        }
    }
}
