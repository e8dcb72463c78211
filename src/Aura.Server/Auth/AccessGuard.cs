using Aura.Server.Api;
using Aura.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aura.Server.Auth;

/// <summary>
/// Checks every routed request against its endpoint's <see cref="AccessRule"/>. A key comes in <c>X-API-Key</c> (Argus)
/// or <c>Authorization: Bearer</c>; a browser brings the session cookie made from the login link. A wrong key is 401
/// even where none is needed, so a typo never passes silently.
/// </summary>
internal sealed class AccessGuard(ServerState state)
{
    public const string ApiKeyHeader = "X-API-Key";

    public const string SessionCookie = "aura_session";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            // Nothing matched: the pipeline answers 404 (or 405) without revealing more.
            await next(context);
            return;
        }

        var rule = endpoint.Metadata.GetMetadata<AccessRule>() ?? AccessRule.RequireRead;
        var failure = Check(context, rule);
        if (failure is null)
        {
            await next(context);
            return;
        }

        if (rule.AuditRefusals)
        {
            await AuditRefusalAsync(context, rule);
        }

        await failure.ExecuteAsync(context);
    }

    public static bool Allows(ApiScopes granted, ApiScopes required) =>
        granted.HasFlag(ApiScopes.Admin) || (granted & required) == required;

    private IResult? Check(HttpContext context, AccessRule rule)
    {
        var (presented, header) = PresentedKey(context.Request);
        if (presented is not null)
        {
            return CheckKey(context, rule, presented, header);
        }

        var sessionExpired = false;
        if (context.Request.Cookies.TryGetValue(SessionCookie, out var token) && !string.IsNullOrEmpty(token))
        {
            if (state.Sessions.Find(token) is { } scopes)
            {
                if (!OriginAllowed(context))
                {
                    return Problems.Forbidden("cross_origin", "a signed-in browser may call the API only from Aura's own pages or an origin in server.cors_origins");
                }

                return rule.Public || Allows(scopes, rule.Scope) ? null : MissingScope(rule.Scope, "this session");
            }

            sessionExpired = true;
        }

        if (rule.Public || (rule.OpenOnLoopback && LocalRequest.IsLocal(context)))
        {
            return null;
        }

        Challenge(context);
        if (sessionExpired)
        {
            return Problems.Unauthorized("session_expired", "the session cookie has expired or the server restarted: open the login link `aura serve` printed again");
        }

        return state.Options.Keys.IsEmpty
            ? Problems.Unauthorized("missing_api_key", $"this endpoint needs an API key with the '{ApiScopeNames.Name(rule.Scope)}' scope, and none is configured: run `aura config init`, restart `aura serve`, and send the key in {ApiKeyHeader}")
            : Problems.Unauthorized("missing_api_key", $"this endpoint needs an API key with the '{ApiScopeNames.Name(rule.Scope)}' scope: send it in the {ApiKeyHeader} header or as Authorization: Bearer");
    }

    private IResult? CheckKey(HttpContext context, AccessRule rule, string presented, string header)
    {
        if (rule.AcceptsMetricsToken && state.MetricsSecret is { } metrics && metrics.Matches(Secret.Digest(presented)))
        {
            return null;
        }

        var key = state.Options.Keys.Find(presented);
        if (key is null)
        {
            Challenge(context);
            return Problems.Unauthorized("invalid_api_key", $"the key sent in {header} is not one this server accepts");
        }

        return rule.Public || key.Allows(rule.Scope) ? null : MissingScope(rule.Scope, $"the key '{key.Name}'");
    }

    private static IResult MissingScope(ApiScopes scope, string who) =>
        Problems.Forbidden("insufficient_scope", $"{who} lacks the '{ApiScopeNames.Name(scope)}' scope this endpoint needs");

    private static (string? Key, string Header) PresentedKey(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length > 0)
        {
            return (apiKey, ApiKeyHeader);
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return (authorization[bearer.Length..].Trim(), "the Authorization header");
        }

        return (null, "");
    }

    private bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host.Value}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var allowed in state.Options.CorsOrigins)
        {
            if (string.Equals(origin, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private ValueTask AuditRefusalAsync(HttpContext context, AccessRule rule)
    {
        var (presented, _) = PresentedKey(context.Request);
        var key = presented is null ? null : state.Options.Keys.Find(presented);
        var who = key is not null ? $"key '{key.Name}'" : presented is not null ? "an unknown key" : "a client without a key";
        var request = $"{context.Request.Method} {context.Request.Path}";
        return state.ControlGate.RefuseAsync("", "", "http", who, Aura.Controls.ControlReasons.Unauthorised,
            $"{request} needs a key with the '{ApiScopeNames.Name(rule.Scope)}' scope", context.RequestAborted);
    }

    private static void Challenge(HttpContext context) => context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
}
