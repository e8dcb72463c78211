using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Aura.Server.Hosting;

/// <summary>
/// Requests that came in on the <c>JETSONSCOPE_HTTP_ADDR</c> listener: JetsonScope served its metrics at <c>/</c>, so
/// there <c>/</c> is <c>/metrics</c>, and nothing else is served (the cockpit and the API stay on the main address).
/// The metrics endpoint's own rules (loopback, token, key) still decide who may read them.
/// </summary>
internal static class MetricsOnlyListener
{
    public const string Marker = "aura.metrics-only";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(Marker) != true)
        {
            return next(context);
        }

        if (context.Request.Path == "/")
        {
            context.Request.Path = "/metrics";
        }

        if (context.Request.Path != "/metrics")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
