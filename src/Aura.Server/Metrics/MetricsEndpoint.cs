using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the latest tick as Prometheus text, rendered by the first scraper of the tick and served as the
/// same bytes to every other. With a metrics token configured it needs <c>Authorization: Bearer</c> (or a read key);
/// without one it is open on loopback like the live stats.
/// </summary>
internal static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        var rule = new AccessRule(ApiScopes.Read, OpenOnLoopback: state.MetricsSecret is null, AcceptsMetricsToken: true);
        app.MapGet("/metrics", () =>
                state.Hub.Latest is { } frame ? TypedResults.Bytes(frame.Metrics(state.RenderMetrics), ContentType) : Problems.NoSampleYet())
            .WithMetadata(rule);
    }
}
