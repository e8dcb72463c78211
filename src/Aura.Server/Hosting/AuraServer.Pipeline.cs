using System.Net;
using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.ClaraVerse;
using Aura.Server.Cockpit;
using Aura.Server.Events;
using Aura.Server.Health;
using Aura.Server.Metrics;
using Aura.Server.Sampling;
using Aura.Server.Jetson;
using Aura.Server.WebSockets;
using Aura.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Hosting;

/// <summary>Services, Kestrel limits and the request pipeline.</summary>
public sealed partial class AuraServer
{
    private static void ConfigureServices(WebApplicationBuilder builder, ServerState state, ISnapshotSource source, ServerServices services, IPAddress address)
    {
        var options = state.Options;
        builder.Logging.ClearProviders();
        services.Logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = options.Limits.MaxRequestBodyBytes;
            limits.MaxRequestHeadersTotalSize = options.Limits.MaxRequestHeadersBytes;
            limits.MaxRequestLineSize = options.Limits.MaxRequestLineBytes;
            limits.MaxConcurrentConnections = options.Limits.MaxConnections;
            limits.MaxConcurrentUpgradedConnections = options.Limits.MaxWebSocketClients + 16;
        });

        // Started in this order (sampler first, so the socket and health log always have a tick) and stopped in reverse.
        builder.Services.AddSingleton(state);
        builder.Services.AddHostedService(provider => new SamplerLoop(
            source, state.Hub, state.Clock, options.Interval, services.Recorder, provider.GetRequiredService<ILogger<SamplerLoop>>()));
        if (options.SocketPath is not null)
        {
            builder.Services.AddHostedService(provider => new JetsonSocketServer(state, provider.GetRequiredService<ILogger<JetsonSocketServer>>()));
        }

        if (options.Otlp is { } otlp)
        {
            builder.Services.AddHostedService(provider => state.Otlp = new Otlp.OtlpExporter(
                otlp with { HostName = otlp.HostName ?? options.HostName }, state.Hub, state.Clock, ServerVersion.Current, state.Events, provider.GetRequiredService<ILogger<Otlp.OtlpExporter>>()));
        }

        if (options.HealthLogPath is not null)
        {
            builder.Services.AddHostedService(provider => new HealthLog(state, provider.GetRequiredService<ILogger<HealthLog>>()));
        }

        if (!options.CorsOrigins.IsDefaultOrEmpty)
        {
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. options.CorsOrigins])
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders(AccessGuard.ApiKeyHeader, "Authorization", "Content-Type")));
        }
    }

    private static void ConfigurePipeline(WebApplication app, ServerState state)
    {
        var limits = state.Options.Limits;
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value is { } query && query.Length > limits.MaxQueryLength)
            {
                await Problems.TooLong("query", $"the query string is longer than {limits.MaxQueryLength} characters").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRouting();
        if (!state.Options.CorsOrigins.IsDefaultOrEmpty)
        {
            app.UseCors();
        }

        var guard = new AccessGuard(state);
        app.Use(guard.InvokeAsync);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Aura.Server");
        LoginEndpoint.Map(app, state, CockpitAssets.Default);
        CockpitEndpoints.Map(app, CockpitAssets.Default);
        SessionEndpoint.Map(app, state);
        ClaraEndpoints.Map(app, state);
        SnapshotEndpoints.Map(app, state);
        HistoryEndpoints.Map(app, state);
        MetricsEndpoint.Map(app, state);
        StatsWebSocket.Map(app, state, app.Lifetime, logger);
        EventEndpoints.Map(app, state);
        EventsWebSocket.Map(app, state, app.Lifetime, logger);
        Controls.ControlEndpoints.Map(app, state);
        if (state.Events is { } events)
        {
            events.Committed += state.EventHub.Publish;
            app.Lifetime.ApplicationStopped.Register(() => events.Committed -= state.EventHub.Publish);
        }
    }
}
