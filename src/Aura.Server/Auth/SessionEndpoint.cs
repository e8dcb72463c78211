using System.Collections.Immutable;
using Aura.Server.Api;
using Aura.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Auth;

/// <summary>
/// <c>GET /api/v1/session</c>, open to anyone: the cockpit's first question. It reveals only the caller's own session
/// state and which parts exist (a count of the controls this machine supports, not their values); everything else still needs the session.
/// </summary>
internal static class SessionEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapGet("/api/v1/session", async (HttpContext context, CancellationToken cancellationToken) =>
                TypedResults.Json(await DescribeAsync(context, state, cancellationToken), ServerJsonContext.Default.SessionInfo))
            .WithMetadata(AccessRule.Anyone);
    }

    private static async Task<SessionInfo> DescribeAsync(HttpContext context, ServerState state, CancellationToken cancellationToken)
    {
        ApiScopes? scopes = null;
        var expired = false;
        if (context.Request.Cookies.TryGetValue(AccessGuard.SessionCookie, out var token) && !string.IsNullOrEmpty(token))
        {
            scopes = state.Sessions.Find(token);
            expired = scopes is null;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        if (scopes is { } granted)
        {
            foreach (var name in ApiScopeNames.All)
            {
                if (AccessGuard.Allows(granted, ApiScopeNames.Parse(name)!.Value))
                {
                    names.Add(name);
                }
            }
        }

        var readable = scopes is { } s && AccessGuard.Allows(s, ApiScopes.Read);
        var controls = readable ? (await state.Controls.ListAsync(cancellationToken)).Count(c => c.Supported) : 0;
        return new SessionInfo(
            scopes is not null,
            expired,
            names.ToImmutable(),
            History: readable && state.History is not null,
            Events: readable && state.Events is not null,
            Controls: controls);
    }
}
