using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Agent.Server;

/// <summary>
/// `aura agent serve`: the action server alone, on 127.0.0.1:6789 by default (AuraOS's port), at <c>/</c> and
/// <c>/ws/agent</c>. A non-loopback address needs keys; every connection needs a key with the agent scope.
/// </summary>
public sealed class AgentServer : IAsyncDisposable
{
    public const int DefaultPort = 6789;
    private readonly WebApplication _app;
    private readonly AgentEndpoint _endpoint;

    private AgentServer(WebApplication app, AgentEndpoint endpoint)
    {
        _app = app;
        _endpoint = endpoint;
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <exception cref="AgentException">The address is not loopback and no key has the agent scope, or no key does at all.</exception>
    public static AgentServer Build(string host, int port, AgentEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new AgentException($"--host must be an IP address or localhost, not '{host}'");
        if (port is < 0 or > 65535)
        {
            throw new AgentException($"--port must be from 0 to 65535, not {port}");
        }

        if (!options.Keys.AnyAllows(Aura.Server.Auth.ApiScopes.Agent))
        {
            throw new AgentException(IPAddress.IsLoopback(address)
                ? "no API key has the 'agent' scope, and every connection must present one: add agent = [\"<key>\"] under [server.keys] in aura.toml (or run `aura config init`)"
                : $"--host {host} would expose the agent beyond this machine, and no API key has the 'agent' scope: add agent = [\"<key>\"] under [server.keys] in aura.toml");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Aura.Agent",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
            kestrel.Limits.MaxConcurrentConnections = 64;
            kestrel.Limits.MaxRequestBodySize = 0;
        });
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var endpoint = new AgentEndpoint(options);
        var stopping = app.Lifetime.ApplicationStopping;
        app.Map("/", context => endpoint.HandleAsync(context, stopping));
        app.Map(AgentEndpoint.Path, context => endpoint.HandleAsync(context, stopping));
        return new AgentServer(app, endpoint);
    }

    /// <summary>Opens the display now, so a missing display or XTest fails the start rather than the first client.</summary>
    public void OpenDisplay() => _endpoint.Display();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address");
        Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _endpoint.Dispose();
    }
}
