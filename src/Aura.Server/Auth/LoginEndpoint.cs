using Aura.Server.Api;
using Aura.Server.Cockpit;
using Aura.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Auth;

/// <summary>
/// <c>GET /</c> serves the cockpit. <c>GET /?token=...</c>, Jupyter style: a valid login token (or API key) becomes an
/// HttpOnly, SameSite=Strict session cookie and a redirect to the same page without the token, so it leaves the address
/// bar and the history.
/// </summary>
internal static class LoginEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ServerState state, CockpitAssets cockpit)
    {
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? token) => SignInAsync(context, state, cockpit, token))
            .WithMetadata(AccessRule.Anyone);
    }

    private static Task SignInAsync(HttpContext context, ServerState state, CockpitAssets cockpit, string? token)
    {
        if (token is null)
        {
            if (cockpit.Index is { } page)
            {
                return CockpitResponder.WriteAsync(context, page);
            }

            var signedIn = context.Request.Cookies.TryGetValue(AccessGuard.SessionCookie, out var cookie)
                && cookie is not null && state.Sessions.Find(cookie) is not null;
            return TypedResults.Content(FallbackPage(signedIn), "text/html; charset=utf-8").ExecuteAsync(context);
        }

        ApiScopes? scopes = state.LoginSecret.Matches(Secret.Digest(token)) ? state.Options.LoginScopes : state.Options.Keys.Find(token)?.Scopes;
        if (scopes is null)
        {
            return Problems.Unauthorized("invalid_token", "the login token is not valid (it changes each time `aura serve` starts): use the link it printed last")
                .ExecuteAsync(context);
        }

        context.Response.Cookies.Append(AccessGuard.SessionCookie, state.Sessions.Create(scopes.Value), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = SessionStore.Lifetime,
            IsEssential = true,
        });
        return TypedResults.Redirect("/", permanent: false, preserveMethod: false).ExecuteAsync(context);
    }

    /// <summary>The page of a server built without the cockpit (<c>-p:AuraSkipCockpit=true</c>).</summary>
    private static string FallbackPage(bool signedIn) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Aura</title></head><body><h1>Aura</h1><p>" +
        (signedIn
            ? "You are signed in. This build of Aura has no cockpit (it was built without npm); the API is at <a href=\"/api/stats\">/api/stats</a>."
            : "Sign in with the login link <code>aura serve</code> printed (<code>/?token=...</code>).") +
        "</p></body></html>";
}
