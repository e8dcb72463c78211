using System.Net;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Auth;

public sealed class LimitsAndCorsTests
{
    [Fact]
    public async Task LongQuery_Is414NamingTheQuery()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await running.Http.GetAsync(new Uri("/api/stats?x=" + new string('a', 3000), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestUriTooLong);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("query");
    }

    [Fact]
    public async Task HugeHeaders_AreRefusedByKestrel()
    {
        await using var running = await RunningServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stats", UriKind.Relative));
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));

        var response = await running.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task Cors_OffByDefault_NoAllowOriginHeader()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await Preflight(running, "http://localhost:5173");

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Cors_Allowlist_AllowsListedOriginOnly()
    {
        await using var running = await RunningServer.StartAsync(o => o with { CorsOrigins = ["http://localhost:5173"] });

        var allowed = await Preflight(running, "http://localhost:5173");
        var other = await Preflight(running, "https://evil.example");

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("http://localhost:5173");
        other.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> Preflight(RunningServer running, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/stats", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return await running.Http.SendAsync(request);
    }
}
