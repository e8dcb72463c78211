using System.Net;
using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Events;

public sealed class EventQueryTests
{
    [Theory]
    [InlineData("limit=0", "limit", "at least 1")]
    [InlineData("limit=-5", "limit", "at least 1")]
    [InlineData("limit=1001", "limit", "1000")]
    [InlineData("limit=ten", "limit", "1000")]
    [InlineData("level=fatal", "level", "debug, info, warn, error")]
    [InlineData("since=yesterday", "since", "ISO 8601")]
    [InlineData("until=2025-11-20T00:00:00", "until", "offset")]
    [InlineData("since=2025-11-21T00:00:00Z&until=2025-11-20T00:00:00Z", "since", "after until")]
    [InlineData("source=Bad", "source", "lower-case")]
    [InlineData("event_type=a-b", "event_type", "does not allow")]
    [InlineData("before_id=x", "before_id", "event id")]
    [InlineData("before_id=999", "before_id", "999")]
    public async Task Get_BadParameter_Is400NamingIt(string query, string field, string detail)
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.GetAsync("/events?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json.ReadAsync(response);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain(detail);
    }

    [Fact]
    public async Task Get_DefaultsTo100NewestFirst_AndBeforeIdPagesThroughEverything()
    {
        await using var server = await EventServer.StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var batch = string.Concat(Enumerable.Range(0, 50).Select(n => $"{{\"source\":\"a\",\"event_type\":\"x\",\"message\":\"{i * 50 + n}\"}}\n"));
            var answer = await Json.ReadAsync(await server.PostAsync("/events/batch", batch));
            var first = answer.GetProperty("first_event_id").GetInt64();
            ids.AddRange(Enumerable.Range(0, 50).Select(n => first + n));
        }

        var page = await Json.ReadAsync(await server.GetAsync("/events"));
        page.GetProperty("events").GetArrayLength().ShouldBe(100);

        var seen = new List<long>();
        string next = "/events?limit=40";
        while (true)
        {
            var body = await Json.ReadAsync(await server.GetAsync(next));
            seen.AddRange(body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            if (body.GetProperty("next_before_id").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            next = $"/events?limit=40&before_id={body.GetProperty("next_before_id").GetInt64()}";
        }

        seen.ShouldBe(Enumerable.Reverse(ids), "every event once, newest first");
        seen.Count.ShouldBe(150);
    }

    [Fact]
    public async Task Get_SinceUntil_CompareInstantsWhateverTheOffset()
    {
        await using var server = await EventServer.StartAsync();
        // 11:30Z written as 13:30+02:00; 12:15Z written as 07:15-05:00; 12:45Z written with Z.
        var a = await server.PostEventAsync("a", "x", ",\"timestamp\":\"2025-11-20T13:30:00+02:00\"");
        var b = await server.PostEventAsync("a", "x", ",\"timestamp\":\"2025-11-20T07:15:00-05:00\"");
        var c = await server.PostEventAsync("a", "x", ",\"timestamp\":\"2025-11-20T12:45:00Z\"");

        var all = await Ids(server, "/events");
        var since = await Ids(server, "/events?since=" + Uri.EscapeDataString("2025-11-20T13:00:00+01:00"));
        var window = await Ids(server, "/events?since=2025-11-20T11:30:00Z&until=" + Uri.EscapeDataString("2025-11-20T07:15:00-05:00"));

        all.ShouldBe([c, b, a]);
        since.ShouldBe([c, b]);
        window.ShouldBe([b, a]);
    }

    [Fact]
    public async Task Get_Filters_AreExactAndCombined()
    {
        await using var server = await EventServer.StartAsync();
        var hit = await server.PostEventAsync("sable", "error", ",\"level\":\"error\"");
        await server.PostEventAsync("sable", "error", ",\"level\":\"warn\"");
        await server.PostEventAsync("sable-2", "error", ",\"level\":\"error\"");

        (await Ids(server, "/events?source=sable&event_type=error&level=error")).ShouldBe([hit]);
    }

    [Fact]
    public async Task SourcesAndEventTypes_AreCompleteSortedAndNeedAReadKey()
    {
        await using var server = await EventServer.StartAsync();
        await server.PostEventAsync("zeta", "b.two");
        await server.PostEventAsync("alpha", "a_one");
        await server.PostEventAsync("mid", "b.two");

        var sources = await Json.ReadAsync(await server.GetAsync("/sources"));
        var types = await Json.ReadAsync(await server.GetAsync("/event-types"));

        sources.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["alpha", "mid", "zeta"]);
        types.GetProperty("event_types").EnumerateArray().Select(s => s.GetString()).ShouldBe(["a_one", "b.two"]);
        (await server.GetAsync("/sources", key: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await server.GetAsync("/event-types", key: Keys.Ingest)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.GetAsync("/events", key: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<long[]> Ids(EventServer server, string path)
    {
        var response = await server.GetAsync(path);
        var body = await Json.ReadAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return [.. body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];
    }
}
