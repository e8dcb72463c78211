using System.Net;
using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.ClaraVerse;
using Aura.Server.Cockpit;
using Aura.Server.Cors;
using Aura.Server.Events;
using Aura.Server.Health;
using Aura.Server.Metrics;
using Aura.Server.Sampling;
using Aura.Server.Hosting.Connections;
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
        // A failed start (port in use, a foreign --host, the socket path taken) reaches StartAsync's caller, who says it
        // in one line; the host would also log it with a stack trace first. After the start, its warnings and errors are
        // logged (this rule replaces the "Microsoft" one for the host's category, so it names the level itself).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Critical || (state.Started && level >= LogLevel.Warning));
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port, listen => listen.Use(state.Gate.Wrap));
            if (options.MetricsListen is { } metrics)
            {
                kestrel.Listen(metrics, listen => listen.Use(state.Gate.Wrap).Use(next => connection =>
                {
                    connection.Items[MetricsOnlyListener.Marker] = true;
                    return next(connection);
                }));
            }

            var limits = kestrel.Limits;
            limits.RequestHeadersTimeout = options.Limits.RequestHeadersTimeout;
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
    }

    private static void ConfigurePipeline(WebApplication app, ServerState state, IReadOnlyList<ExtraEndpoint> extraEndpoints)
    {
        var limits = state.Options.Limits;
        var requests = new RequestTracking(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Aura.Server.Requests"), state.Clock);
        app.Use(requests.InvokeAsync);
        app.Use(new StorageFaults(state).InvokeAsync);
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value is { } query && query.Length > limits.MaxQueryLength)
            {
                await Problems.TooLong("query", $"the query string is longer than {limits.MaxQueryLength} characters").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        if (state.Options.MetricsListen is not null)
        {
            app.Use(MetricsOnlyListener.InvokeAsync);
        }

        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Use(new CorsGate(new CorsRules { Origins = state.Options.CorsOrigins, LiveStatsOrigins = state.Options.LiveStatsOrigins }).InvokeAsync);
        app.UseRouting();

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
        if (state.Events is { } watched)
        {
            state.Storage.Watch(watched);
            QuickCheck(state, watched.Path);
        }

        if (state.Recorder is DvrRecorder dvr)
        {
            state.Storage.Watch(dvr.Writer);
        }

        foreach (var extra in extraEndpoints)
        {
            // Public at the HTTP layer: the extension authenticates its own clients (the agent needs the agent scope).
            app.Map(extra.Pattern, context => extra.Handler(context, app.Lifetime.ApplicationStopping)).WithMetadata(AccessRule.Anyone);
        }
        if (state.Events is { } events)
        {
            events.Committed += state.EventHub.Publish;
            app.Lifetime.ApplicationStopped.Register(() => events.Committed -= state.EventHub.Publish);
        }
    }

    /// <summary>Event logs up to this size are checked at start (quick_check reads every page once, so it is bounded by the file size).</summary>
    private const long QuickCheckBytes = 64L * 1024 * 1024;

    /// <summary>A damaged event log found at start degrades health at once, instead of when a query first meets the page.</summary>
    private static void QuickCheck(ServerState state, string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > QuickCheckBytes)
        {
            return;
        }

        var problems = Aura.Storage.Files.DatabaseCheck.Run(path, quick: true);
        if (problems.Count > 0)
        {
            state.Storage.ReportDamage($"the event log {path} is damaged ({problems[0]}); stop aura serve and run `aura db check`, then `aura db repair`");
        }
    }
}
