using System.Net;
using System.Net.WebSockets;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Events;

public sealed class EventsWebSocketTests
{
    [Fact]
    public async Task Subscribe_WithFilters_DeliversOnlyMatchingEvents_InArgusShape()
    {
        await using var server = await EventServer.StartAsync();
        using var socket = await WsTestClient.ConnectAsync(server);
        await WsTestClient.SendAsync(socket, $$"""{"type":"auth","api_key":"{{Keys.Read}}"}""");
        (await WsTestClient.NextAsync(socket)).GetRawText().ShouldBe("""{"type":"auth_result","status":"success"}""");
        await WsTestClient.SendAsync(socket, """{"type":"subscribe","filters":{"source":"sable","level":"error"}}""");
        var subscribed = await WsTestClient.NextAsync(socket);
        subscribed.GetProperty("type").GetString().ShouldBe("subscribe_result");
        subscribed.GetProperty("status").GetString().ShouldBe("subscribed");
        subscribed.GetProperty("active_filters").GetRawText().ShouldBe("""{"source":"sable","level":"error"}""");

        await server.PostEventAsync("sable", "x", ",\"level\":\"info\"");
        await server.PostEventAsync("other", "x", ",\"level\":\"error\"");
        var wanted = await server.PostEventAsync("sable", "boom", ",\"level\":\"error\",\"message\":\"m\",\"data\":{\"k\":1}");

        var message = await WsTestClient.NextAsync(socket);
        message.GetProperty("type").GetString().ShouldBe("event");
        var e = message.GetProperty("event");
        e.GetProperty("id").GetInt64().ShouldBe(wanted);
        e.GetProperty("event_type").GetString().ShouldBe("boom");
        e.GetProperty("message").GetString().ShouldBe("m");
        e.GetProperty("data").GetProperty("k").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Authenticated_WithoutSubscribe_GetsEveryEvent()
    {
        await using var server = await EventServer.StartAsync();
        using var socket = await WsTestClient.AuthenticatedAsync(server);

        var id = await server.PostEventAsync("a", "x");

        (await WsTestClient.NextAsync(socket)).GetProperty("event").GetProperty("id").GetInt64().ShouldBe(id);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong()
    {
        await using var server = await EventServer.StartAsync();
        using var socket = await WsTestClient.ConnectAsync(server);

        await WsTestClient.SendAsync(socket, """{"type":"ping"}""");

        (await WsTestClient.NextAsync(socket)).GetRawText().ShouldBe("""{"type":"pong"}""");
    }

    [Theory]
    [InlineData("wrong-key-0123456789abcdef", "invalid API key")]
    [InlineData(Keys.Ingest, "lacks the 'read' scope")]
    [InlineData("", "invalid API key")]
    public async Task Auth_WithABadKey_AnswersErrorAndCloses(string key, string why)
    {
        await using var server = await EventServer.StartAsync();
        using var socket = await WsTestClient.ConnectAsync(server);

        await WsTestClient.SendAsync(socket, $$"""{"type":"auth","api_key":"{{key}}"}""");

        var answer = await WsTestClient.NextAsync(socket);
        answer.GetProperty("type").GetString().ShouldBe("auth_result");
        answer.GetProperty("status").GetString().ShouldBe("error");
        answer.GetProperty("message").GetString()!.ShouldContain(why);
        (await WsClient.ReceiveJsonAsync(socket)).ShouldBeNull();
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
    }

    [Fact]
    public async Task BeforeAuth_NoEventIsSent_AndSubscribeIsRefused_EvenWithOurOwnOrigin()
    {
        await using var server = await EventServer.StartAsync();
        var origin = server.Running.Server.Address.GetLeftPart(UriPartial.Authority);
        using var socket = await WsTestClient.ConnectAsync(server, o => o.SetRequestHeader("Origin", origin));

        await server.PostEventAsync("a", "x");
        await WsTestClient.SendAsync(socket, """{"type":"subscribe","filters":{}}""");
        var refused = await WsTestClient.NextAsync(socket);
        await WsTestClient.SendAsync(socket, """{"type":"ping"}""");
        var pong = await WsTestClient.NextAsync(socket);

        refused.GetProperty("type").GetString().ShouldBe("error");
        refused.GetProperty("field").GetString().ShouldBe("api_key");
        pong.GetProperty("type").GetString().ShouldBe("pong", "no event came before it");
    }

    [Fact]
    public async Task NoAuthWithinTheTimeout_IsClosedWithTheReason()
    {
        await using var server = await EventServer.StartAsync(o => o with { Limits = o.Limits with { EventAuthTimeout = TimeSpan.FromMilliseconds(200) } });
        using var socket = await WsTestClient.ConnectAsync(server);

        (await WsClient.ReceiveJsonAsync(socket)).ShouldBeNull();

        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        socket.CloseStatusDescription!.ShouldContain("not authenticated");
    }

    [Theory]
    [InlineData("""{"type":"subscribe","filters":{"level":"loud"}}""", "filters.level")]
    [InlineData("""{"type":"subscribe","filters":{"host":"x"}}""", "filters.host")]
    [InlineData("""{"type":"subscribe","filters":{"source":"Bad"}}""", "filters.source")]
    [InlineData("""{"type":"subscribe","filters":[1]}""", "filters")]
    [InlineData("""{"type":"dance"}""", "type")]
    [InlineData("""{"kind":"ping"}""", "type")]
    public async Task BadMessage_GetsAnErrorNamingTheField(string message, string field)
    {
        await using var server = await EventServer.StartAsync();
        using var socket = await WsTestClient.AuthenticatedAsync(server);

        await WsTestClient.SendAsync(socket, message);

        var error = await WsTestClient.NextAsync(socket);
        error.GetProperty("type").GetString().ShouldBe("error");
        error.GetProperty("field").GetString().ShouldBe(field);
    }

    [Fact]
    public async Task SessionCookie_AuthenticatesTheCockpit_ButNotFromAnotherOrigin()
    {
        await using var server = await EventServer.StartAsync();
        var cookies = new CookieContainer();
        using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.Running.Server.Address })
        {
            (await browser.GetAsync(new Uri("/?token=" + RunningServer.LoginToken, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var cookie = cookies.GetCookieHeader(server.Running.Server.Address);
        cookie.ShouldContain("aura_session=");
        using var socket = await WsTestClient.ConnectAsync(server, o => o.SetRequestHeader("Cookie", cookie));
        var id = await server.PostEventAsync("a", "x");
        (await WsTestClient.NextAsync(socket)).GetProperty("event").GetProperty("id").GetInt64().ShouldBe(id);

        await Should.ThrowAsync<WebSocketException>(() => WsTestClient.ConnectAsync(server, o =>
        {
            o.SetRequestHeader("Cookie", cookie);
            o.SetRequestHeader("Origin", "http://evil.example");
        }));
    }

    [Fact]
    public async Task SlowSubscriber_IsCutOffWithAReason_WhileIngestAndOthersCarryOn()
    {
        await using var server = await EventServer.StartAsync(o => o with
        {
            Limits = o.Limits with { EventSubscriberQueue = 8, WebSocketSendTimeout = TimeSpan.FromMinutes(2) },
        });
        using var slow = await WsTestClient.AuthenticatedAsync(server);
        using var fast = await WsTestClient.AuthenticatedAsync(server);
        var pad = new string('p', 200 * 1024);
        const int Events = 100;

        var received = 0;
        var reading = Task.Run(async () =>
        {
            while (received < Events)
            {
                (await WsTestClient.NextAsync(fast)).GetProperty("type").GetString().ShouldBe("event");
                received++;
            }
        });
        for (var i = 0; i < Events; i++)
        {
            await server.PostEventAsync("a", "x", $$""","data":{"pad":"{{pad}}"}""");
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(60));
        received.ShouldBe(Events);

        // Only now does the slow client read: what was queued for it, then the close with the reason.
        var slowEvents = 0;
        while (await WsClient.ReceiveJsonAsync(slow) is not null)
        {
            slowEvents++;
        }

        slowEvents.ShouldBeLessThan(Events);
        slow.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        slow.CloseStatusDescription!.ShouldContain("too slow");
    }
}
