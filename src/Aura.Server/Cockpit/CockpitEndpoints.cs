using Aura.Server.Api;
using Aura.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Cockpit;

/// <summary>
/// The cockpit's static files under <c>/assets/</c>, open to anyone (they hold no data: the API behind them checks the
/// session). The page itself is served at <c>/</c> by <see cref="LoginEndpoint"/>, which also turns the login link into a
/// session.
/// </summary>
internal static class CockpitEndpoints
{
    public static void Map(IEndpointRouteBuilder app, CockpitAssets assets)
    {
        app.MapMethods("/assets/{name}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string name) =>
            assets.Find("assets/" + name) is { } asset
                ? CockpitResponder.WriteAsync(context, asset)
                : Problems.NotFound("name", $"the cockpit has no file assets/{name}").ExecuteAsync(context))
            .WithMetadata(AccessRule.Anyone);
    }
}
