using System.Net;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Events;

public sealed class EventIngestTests
{
    [Fact]
    public async Task Post_ValidEvent_Is201WithTheId_AndEveryFieldReadsBack()
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events", """
            {"source":"sable","event_type":"thinking","message":"Analyzing","level":"debug",
             "timestamp":"2025-11-20T13:34:56.5+01:00","data":{"tokens":1234,"nested":{"a":[1,2]}}}
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Json.ReadAsync(response);
        body.GetProperty("status").GetString().ShouldBe("captured");
        var id = body.GetProperty("event_id").GetInt64();
        var stored = (await Json.ReadAsync(await server.GetAsync("/events?source=sable"))).GetProperty("events")[0];
        stored.GetProperty("id").GetInt64().ShouldBe(id);
        stored.GetProperty("event_type").GetString().ShouldBe("thinking");
        stored.GetProperty("message").GetString().ShouldBe("Analyzing");
        stored.GetProperty("level").GetString().ShouldBe("debug");
        stored.GetProperty("timestamp").GetString().ShouldBe("2025-11-20T12:34:56.5Z");
        stored.GetProperty("data").GetRawText().ShouldBe("""{"tokens":1234,"nested":{"a":[1,2]}}""");
    }

    [Fact]
    public async Task Post_WithoutTimestamp_GetsTheServersTime()
    {
        await using var server = await EventServer.StartAsync();
        var before = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

        await server.PostEventAsync("app", "startup");

        var stored = (await Json.ReadAsync(await server.GetAsync("/events?source=app"))).GetProperty("events")[0];
        var time = DateTimeOffset.Parse(stored.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        time.ShouldBeGreaterThanOrEqualTo(before);
        time.ShouldBeLessThanOrEqualTo(TimeProvider.System.GetUtcNow());
        stored.GetProperty("level").GetString().ShouldBe("info");
        stored.GetProperty("data").GetRawText().ShouldBe("{}");
    }

    [Theory]
    [InlineData("""{"event_type":"x"}""", 422, "source")]
    [InlineData("""{"source":"Sable","event_type":"x"}""", 422, "source")]
    [InlineData("""{"source":"9lives","event_type":"x"}""", 422, "source")]
    [InlineData("""{"source":"has space","event_type":"x"}""", 422, "source")]
    [InlineData("""{"source":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","event_type":"x"}""", 422, "source")]
    [InlineData("""{"source":7,"event_type":"x"}""", 422, "source")]
    [InlineData("""{"source":"a"}""", 422, "event_type")]
    [InlineData("""{"source":"a","event_type":"has-dash"}""", 422, "event_type")]
    [InlineData("""{"source":"a","event_type":"_x"}""", 422, "event_type")]
    [InlineData("""{"source":"a","event_type":"x","level":"fatal"}""", 422, "level")]
    [InlineData("""{"source":"a","event_type":"x","level":"INFO"}""", 422, "level")]
    [InlineData("""{"source":"a","event_type":"x","timestamp":"2025-11-20T12:00:00"}""", 422, "timestamp")]
    [InlineData("""{"source":"a","event_type":"x","timestamp":"yesterday"}""", 422, "timestamp")]
    [InlineData("""{"source":"a","event_type":"x","timestamp":1700000000}""", 422, "timestamp")]
    [InlineData("""{"source":"a","event_type":"x","data":[1,2]}""", 422, "data")]
    [InlineData("""{"source":"a","event_type":"x","data":"text"}""", 422, "data")]
    [InlineData("""{"source":"a","event_type":"x","message":5}""", 422, "message")]
    [InlineData("""{"source":"a","source":"b","event_type":"x"}""", 422, "source")]
    [InlineData("{\"source\":\"a\",\"event_type\":\"x\"", 400, "body")]
    [InlineData("""not json""", 400, "body")]
    [InlineData("", 400, "body")]
    [InlineData("""[{"source":"a","event_type":"x"}]""", 400, "body")]
    [InlineData("""{"source":"a","event_type":"x"} {"source":"b","event_type":"y"}""", 400, "body")]
    public async Task Post_BadInput_IsRefusedNamingTheField_AndStoresNothing(string body, int status, string field)
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events", body);

        var problem = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(status, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        server.Log.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Post_MessageOverTheLimit_Is422_AtTheLimitIsStored()
    {
        await using var server = await EventServer.StartAsync();

        var over = await server.PostAsync("/events", $$"""{"source":"a","event_type":"x","message":"{{new string('m', 2001)}}"}""");
        var at = await server.PostAsync("/events", $$"""{"source":"a","event_type":"x","message":"{{new string('m', 2000)}}"}""");

        ((int)over.StatusCode).ShouldBe(422);
        (await Json.ReadAsync(over)).GetProperty("field").GetString().ShouldBe("message");
        at.StatusCode.ShouldBe(HttpStatusCode.Created);
        server.Log.Count().ShouldBe(1);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413_AndStoresNothing()
    {
        await using var server = await EventServer.StartAsync();
        var pad = new string('x', 512 * 1024);

        var response = await server.PostAsync("/events", $$$"""{"source":"a","event_type":"x","data":{"pad":"{{{pad}}}"}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("body");
        server.Log.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Post_LimitIsConfigurable()
    {
        await using var server = await EventServer.StartAsync(o => o with { Limits = o.Limits with { MaxEventBodyBytes = 100 } });

        var response = await server.PostAsync("/events", $$"""{"source":"a","event_type":"x","message":"{{new string('m', 100)}}"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key-0123456789abcdef", HttpStatusCode.Unauthorized)]
    [InlineData(Keys.Read, HttpStatusCode.Forbidden)]
    [InlineData(Keys.Admin, HttpStatusCode.Created)]
    public async Task Post_NeedsAnIngestKey(string? key, HttpStatusCode expected)
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events", """{"source":"a","event_type":"x"}""", key);

        response.StatusCode.ShouldBe(expected);
        server.Log.Count().ShouldBe(expected == HttpStatusCode.Created ? 1 : 0);
    }

    [Fact]
    public async Task Batch_Ndjson_StoresEveryEventInOrder()
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events/batch", "{\"source\":\"a\",\"event_type\":\"one\"}\n{\"source\":\"a\",\"event_type\":\"two\"}\r\n\n{\"source\":\"b\",\"event_type\":\"three\"}\n", contentType: "application/x-ndjson");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Json.ReadAsync(response);
        body.GetProperty("count").GetInt32().ShouldBe(3);
        var first = body.GetProperty("first_event_id").GetInt64();
        body.GetProperty("last_event_id").GetInt64().ShouldBe(first + 2);
        var stored = server.Log.Query(new Storage.Events.EventQuery())!.OrderBy(e => e.Id).Select(e => (e.Id, e.Event.EventType));
        stored.ShouldBe([(first, "one"), (first + 1, "two"), (first + 2, "three")]);
    }

    [Fact]
    public async Task Batch_JsonArray_StoresEveryEvent()
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events/batch", """[{"source":"a","event_type":"one"},{"source":"a","event_type":"two","level":"warn"}]""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        server.Log.Count().ShouldBe(2);
    }

    [Theory]
    [InlineData("[{\"source\":\"a\",\"event_type\":\"x\"},{\"source\":\"a\",\"event_type\":\"x\"},{\"source\":\"a\",\"event_type\":\"x\",\"level\":\"loud\"}]", 422, "events[2].level")]
    [InlineData("{\"source\":\"a\",\"event_type\":\"x\"}\n{\"event_type\":\"x\"}\n", 422, "events[1].source")]
    [InlineData("{\"source\":\"a\",\"event_type\":\"x\"}\n{\"source\":\"a\",", 400, "body")]
    [InlineData("[{\"source\":\"a\",\"event_type\":\"x\"},5]", 422, "events[1]")]
    [InlineData("[]", 422, "events")]
    [InlineData("[{\"source\":\"a\",\"event_type\":\"x\"}", 400, "body")]
    public async Task Batch_OneBadEvent_StoresNone_AndNamesIt(string body, int status, string field)
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events/batch", body);

        var problem = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(status, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe(field);
        server.Log.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Batch_OverTheEventLimit_IsRefused()
    {
        await using var server = await EventServer.StartAsync(o => o with { Limits = o.Limits with { MaxEventBatch = 3 } });

        var response = await server.PostAsync("/events/batch", string.Concat(Enumerable.Repeat("{\"source\":\"a\",\"event_type\":\"x\"}\n", 4)));

        ((int)response.StatusCode).ShouldBe(422);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("events");
        server.Log.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Events_WithoutAnEventLog_Are503()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/events", UriKind.Relative)) { Content = new StringContent("""{"source":"a","event_type":"x"}""") };
        request.Headers.Add("X-API-Key", Keys.Ingest);

        var response = await running.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
