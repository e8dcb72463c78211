using System.Net;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Auth;

/// <summary>The login link `aura serve` prints becomes an HttpOnly, SameSite=Strict session cookie.</summary>
public sealed class LoginTests
{
    [Fact]
    public async Task LoginLink_SetsStrictHttpOnlyCookie_AndRedirectsWithoutToken()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookiesNoRedirects(running);

        var response = await http.GetAsync(running.Server.LoginUrl);

        running.Server.LoginUrl.ToString().ShouldBe($"{running.Server.Address}?token={RunningServer.LoginToken}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldStartWith("aura_session=");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("path=/");
    }

    [Fact]
    public async Task SessionCookie_OpensKeyedEndpoints()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });
        using var http = NoCookiesNoRedirects(running);
        var cookie = await SignInAsync(http, running.Server.LoginUrl);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginLink_NarrowedToRead_MakesAReadOnlySession()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set, LoginScopes = Aura.Server.Auth.ApiScopes.Read });
        using var http = NoCookiesNoRedirects(running);
        var cookie = await SignInAsync(http, running.Server.LoginUrl);

        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        read.Headers.Add("Cookie", cookie);
        (await http.SendAsync(read)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var control = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/controls", UriKind.Relative))
        {
            Content = new StringContent("""{"control":"fan","value":"50"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        control.Headers.Add("Cookie", cookie);
        var refused = await http.SendAsync(control);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(refused)).GetProperty("detail").GetString()!.ShouldContain("control");
    }

    [Fact]
    public async Task SessionCookie_FromAnotherOrigin_Is403()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookiesNoRedirects(running);
        var cookie = await SignInAsync(http, running.Server.LoginUrl);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", "https://evil.example");
        var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe("cross_origin");
    }

    [Fact]
    public async Task LoginLink_WrongToken_Is401()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookiesNoRedirects(running);

        var response = await http.GetAsync(new Uri("/?token=not-the-token", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe("invalid_token");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task LoginWithApiKey_SessionHasOnlyThatKeysScopes()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });
        using var http = NoCookiesNoRedirects(running);
        var cookie = await SignInAsync(http, new Uri(running.Server.Address, "/?token=" + Keys.Ingest));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownSessionCookie_OnKeyedEndpoint_Is401SessionExpired()
    {
        await using var running = await RunningServer.StartAsync();
        using var http = NoCookiesNoRedirects(running);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        request.Headers.Add("Cookie", "aura_session=from-a-previous-run");

        var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe("session_expired");
    }

    private static HttpClient NoCookiesNoRedirects(RunningServer running) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = running.Server.Address };

    private static async Task<string> SignInAsync(HttpClient http, Uri link)
    {
        var response = await http.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }
}
