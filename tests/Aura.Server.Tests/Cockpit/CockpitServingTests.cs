using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Aura.Server.Cockpit;
using Aura.Server.Tests.Support;
using Microsoft.Extensions.Primitives;

namespace Aura.Server.Tests.Cockpit;

/// <summary>The embedded cockpit as HTTP serves it, the session question it asks first, and its live snapshot feed.</summary>
public sealed partial class CockpitServingTests
{
    [Fact]
    public async Task Root_ServesTheCockpitPage_RevalidatedAndLockedToThisOrigin()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await running.Http.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        response.Headers.ETag.ShouldNotBeNull();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("script-src 'self'");
        var html = await response.Content.ReadAsStringAsync();
        AssetPattern().Count(html).ShouldBe(2, "the page names one hashed script and one hashed stylesheet");
        html.ShouldNotContain("http://", Case.Insensitive, "no request leaves the machine");
        html.ShouldNotContain("https://", Case.Insensitive);
    }

    [Fact]
    public async Task Assets_AreImmutable_CompressedAsAccepted_AndRevalidateTo304()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = running.Server.Address };
        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = AssetPattern().Matches(html).Select(m => m.Groups[1].Value).Single(p => p.EndsWith(".js", StringComparison.Ordinal));

        using var brotli = new HttpRequestMessage(HttpMethod.Get, script);
        brotli.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var compressed = await http.SendAsync(brotli);
        using var plain = new HttpRequestMessage(HttpMethod.Get, script);
        var identity = await http.SendAsync(plain);

        compressed.StatusCode.ShouldBe(HttpStatusCode.OK);
        compressed.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        compressed.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        compressed.Headers.CacheControl!.ToString().ShouldContain("immutable");
        compressed.Headers.Vary.ShouldContain("Accept-Encoding");
        identity.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await identity.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan((await compressed.Content.ReadAsByteArrayAsync()).Length);

        using var again = new HttpRequestMessage(HttpMethod.Get, script);
        again.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
        (await http.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public void Load_FromThisBuild_HasThePageItsAssetsAndTheirCompressedCopies()
    {
        var assets = CockpitAssets.Default;

        var page = assets.Index.ShouldNotBeNull("Aura.Server's build embeds web/dist");
        page.Immutable.ShouldBeFalse();
        page.ContentType.ShouldBe("text/html; charset=utf-8");
        var script = AssetPattern().Matches(System.Text.Encoding.UTF8.GetString(page.Bytes)).Select(m => m.Groups[1].Value[1..]).First(p => p.EndsWith(".js", StringComparison.Ordinal));
        var asset = assets.Find(script).ShouldNotBeNull();
        asset.Immutable.ShouldBeTrue();
        asset.Gzip.ShouldNotBeNull().Length.ShouldBeLessThan(asset.Bytes.Length);
        asset.Brotli.ShouldNotBeNull().Length.ShouldBeLessThan(asset.Bytes.Length);
    }

    [Fact]
    public void Load_FromAnAssemblyWithoutTheCockpit_IsEmpty()
    {
        var assets = CockpitAssets.Load(typeof(object).Assembly);

        assets.Count.ShouldBe(0);
        assets.Index.ShouldBeNull();
    }

    [Fact]
    public async Task UnknownAsset_Is404NamingIt()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await running.Http.GetAsync(new Uri("/assets/app-000000000000.js", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("name");
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br", true)]
    [InlineData("gzip;q=0.5", "gzip", true)]
    [InlineData("br;q=0, gzip", "br", false)]
    [InlineData("gzip;q=0.000", "gzip", false)]
    [InlineData("deflate", "gzip", false)]
    [InlineData("", "gzip", false)]
    public void Accepts_HonoursCodingAndZeroWeight(string header, string coding, bool expected) =>
        CockpitResponder.Accepts(new StringValues(header), coding).ShouldBe(expected);

    [Fact]
    public async Task Session_SignedOut_SaysSoAndOffersNothing()
    {
        await using var running = await RunningServer.StartAsync();

        var body = await Json.ReadAsync(await running.Http.GetAsync(new Uri("/api/v1/session", UriKind.Relative)));

        body.GetProperty("signed_in").GetBoolean().ShouldBeFalse();
        body.GetProperty("expired").GetBoolean().ShouldBeFalse();
        body.GetProperty("scopes").GetArrayLength().ShouldBe(0);
        body.GetProperty("events").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Session_WithTheLoginCookie_ListsItsScopes()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookies(running);
        var cookie = await SignInAsync(http, running);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/session", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var body = await Json.ReadAsync(await http.SendAsync(request));

        body.GetProperty("signed_in").GetBoolean().ShouldBeTrue();
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["read", "ingest", "control", "agent", "admin"]);
        body.GetProperty("controls").GetInt32().ShouldBe(0, "this server has no controls");
    }

    [Fact]
    public async Task Session_WithAStaleCookie_SaysItExpired()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookies(running);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/session", UriKind.Relative));
        request.Headers.Add("Cookie", "aura_session=from-a-server-that-restarted");
        var body = await Json.ReadAsync(await http.SendAsync(request));

        body.GetProperty("signed_in").GetBoolean().ShouldBeFalse();
        body.GetProperty("expired").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task SnapshotWebSocket_WithoutASession_IsRefused()
    {
        await using var running = await RunningServer.StartAsync();

        var error = await Should.ThrowAsync<WebSocketException>(() => WsClient.ConnectAsync(running.WebSocketUri("/ws/v1/snapshot")));

        error.Message.ShouldContain("401");
    }

    [Fact]
    public async Task SnapshotWebSocket_WithTheSessionCookie_StreamsWholeSnapshotsPerTick()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookies(running);
        var cookie = await SignInAsync(http, running);

        using var socket = await WsClient.ConnectAsync(running.WebSocketUri("/ws/v1/snapshot"), o => o.SetRequestHeader("Cookie", cookie));
        var first = (await WsClient.ReceiveJsonAsync(socket)).ShouldNotBeNull();
        var second = (await WsClient.ReceiveJsonAsync(socket)).ShouldNotBeNull();

        Json.PropertyNames(first).ShouldContain("cpu");
        Json.PropertyNames(first).ShouldContain("processes");
        var firstUsed = first.GetProperty("memory").GetProperty("used_bytes").GetInt64();
        second.GetProperty("memory").GetProperty("used_bytes").GetInt64().ShouldBeGreaterThan(firstUsed, "each message is a newer tick");
    }

    private static HttpClient NoCookies(RunningServer running) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = running.Server.Address };

    private static async Task<string> SignInAsync(HttpClient http, RunningServer running)
    {
        var response = await http.GetAsync(running.Server.LoginUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    [GeneratedRegex("""(?:src|href)="(/assets/(?:app|style)-[A-Z0-9]{8,}\.(?:js|css))""")]
    private static partial Regex AssetPattern();
}
