using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aura.Server.Cors;

/// <summary>
/// Answers CORS before any key check: a preflight (<c>OPTIONS</c> with <c>Access-Control-Request-Method</c>) is always
/// 204, never 401, since browsers send it without credentials; it carries the allow headers only for an allowed origin,
/// so the browser itself refuses the others. The real request then goes through the usual key rules.
/// </summary>
internal sealed class CorsGate(CorsRules rules)
{
    private const string Methods = "GET, POST, PUT, DELETE";

    private const string Headers = "X-API-Key, Authorization, Content-Type";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return next(context);
        }

        var allowed = rules.Allows(origin, request.Path.Value ?? "/");
        var responseHeaders = context.Response.Headers;
        responseHeaders.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (allowed)
        {
            responseHeaders.AccessControlAllowOrigin = origin;
        }

        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            if (allowed)
            {
                responseHeaders.AccessControlAllowMethods = Methods;
                responseHeaders.AccessControlAllowHeaders = Headers;
                responseHeaders.AccessControlMaxAge = "600";
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
