using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Aura.Server.Cockpit;

/// <summary>
/// Writes a cockpit file: 304 for a matching <c>If-None-Match</c>, else the Brotli or gzip copy the client accepts (or
/// the plain bytes), with <c>Vary: Accept-Encoding</c>. Hashed assets are immutable; the page is revalidated each load,
/// and carries a Content-Security-Policy that allows only this origin (no CDN, no inline script).
/// </summary>
internal static class CockpitResponder
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static Task WriteAsync(HttpContext context, CockpitAsset asset)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (asset.Gzip is not null)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }

        if (!asset.Immutable)
        {
            headers.ContentSecurityPolicy = PagePolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        if (Matches(context.Request.Headers.IfNoneMatch, asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = asset.Bytes;
        var accepted = context.Request.Headers.AcceptEncoding;
        if (asset.Brotli is { } brotli && Accepts(accepted, "br"))
        {
            body = brotli;
            headers.ContentEncoding = "br";
        }
        else if (asset.Gzip is { } gzip && Accepts(accepted, "gzip"))
        {
            body = gzip;
            headers.ContentEncoding = "gzip";
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*" || string.Equals(part, etag, StringComparison.Ordinal) || string.Equals(part, "W/" + etag, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <c>Accept-Encoding</c> names <paramref name="coding"/> without <c>q=0</c>.</summary>
    internal static bool Accepts(StringValues acceptEncoding, string coding)
    {
        foreach (var value in acceptEncoding)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var semicolon = part.IndexOf(';', StringComparison.Ordinal);
                var name = semicolon < 0 ? part : part[..semicolon].Trim();
                if (!string.Equals(name, coding, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // "br;q=0" refuses it; any other weight (or none) accepts it.
                var weight = semicolon < 0 ? "" : part[(semicolon + 1)..].Trim();
                return !(weight.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(weight.AsSpan(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q)
                    && q <= 0);
            }
        }

        return false;
    }
}
