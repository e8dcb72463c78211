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
    public async Task Cors_KeyedApiByDefault_NoAllowOriginHeader()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await Preflight(running, "http://localhost:5173", "/api/v1/snapshot");

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse("only the public live stats are open to local pages by default");
    }

    [Fact]
    public async Task Cors_PreflightToAKeyedEndpointWithKeysConfigured_Is204NeverUnauthorized()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set, CorsOrigins = ["https://dash.example"] });

        var allowed = await Preflight(running, "https://dash.example", "/api/v1/snapshot");
        var other = await Preflight(running, "https://evil.example", "/events");

        allowed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://dash.example");
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("X-API-Key");
        other.StatusCode.ShouldBe(HttpStatusCode.NoContent, "a browser sends no key with a preflight; refusing is the missing allow header's job");
        other.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://localhost:5173", true)]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("file://", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://localhost.evil.example", false)]
    [InlineData("null", false)]
    public async Task Cors_LiveStatsByDefault_OpenToLocalPagesOnly(string origin, bool allowed)
    {
        await using var running = await RunningServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stats/cpu", UriKind.Relative));
        request.Headers.Add("Origin", origin);

        var response = await running.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null).ShouldBe(allowed ? origin : null);
    }

    [Fact]
    public async Task Cors_LiveStatsOriginsConfigured_ReplaceTheDefaults()
    {
        await using var running = await RunningServer.StartAsync(o => o with { LiveStatsOrigins = ["app://claraverse"] });

        var configured = await Preflight(running, "app://claraverse");
        var local = await Preflight(running, "http://localhost:5173");

        configured.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("app://claraverse");
        local.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
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

    private static async Task<HttpResponseMessage> Preflight(RunningServer running, string origin, string path = "/api/stats")
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return await running.Http.SendAsync(request);
    }
}
