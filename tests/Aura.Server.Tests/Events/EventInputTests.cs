using System.Net.Http.Headers;
using System.Text;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Events;

/// <summary>Input that used to be answered with an empty 500, stored unservable, or refused with the wrong reason.</summary>
public sealed class EventInputTests
{
    public static TheoryData<string, string> NotText => new()
    {
        { "{\"source\":\"a\xff\",\"event_type\":\"x\"}", "source" },
        { "{\"source\":\"a\",\"event_type\":\"x\xff\"}", "event_type" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"message\":\"hi \xff there\"}", "message" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"message\":\"hi \\ud800 there\"}", "message" },
        { "{\"source\":\"\\ud800\",\"event_type\":\"x\"}", "source" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"level\":\"\xff\"}", "level" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"timestamp\":\"2025-11-20T12:00:00Z\xff\"}", "timestamp" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"data\":{\"k\":\"v\xff\"}}", "data" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"data\":{\"k\xff\":1}}", "data" },
        { "{\"source\":\"a\",\"event_type\":\"x\",\"data\":{\"k\":[\"\\udc00\"]}}", "data" },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task Post_InvalidUtf8OrLoneSurrogate_Is422NamingTheField_AndStoresNothing(string latin1Body, string field)
    {
        await using var server = await EventServer.StartAsync();

        var response = await PostBytesAsync(server, "/events", Latin1(latin1Body));

        var problem = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(422, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain("UTF-8");
        server.Log.Count().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task Batch_InvalidUtf8InTheSecondEvent_Is422NamingIt_AndStoresNone(string latin1Body, string field)
    {
        await using var server = await EventServer.StartAsync();
        var ndjson = "{\"source\":\"ok\",\"event_type\":\"first\"}\n" + latin1Body + "\n";

        var response = await PostBytesAsync(server, "/events/batch", Latin1(ndjson));

        var problem = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(422, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe($"events[1].{field}");
        server.Log.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Post_ValidNonAsciiText_IsStoredAndReadsBack()
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events", """{"source":"a","event_type":"x","message":"grüße 🚀 \u00e9","data":{"ключ":"значение \ud83d\ude80"}}""");

        ((int)response.StatusCode).ShouldBe(201);
        var stored = (await Json.ReadAsync(await server.GetAsync("/events?source=a"))).GetProperty("events")[0];
        stored.GetProperty("message").GetString().ShouldBe("grüße 🚀 é");
        stored.GetProperty("data").GetProperty("ключ").GetString().ShouldBe("значение 🚀");
    }

    [Theory]
    [InlineData(61, 201)]
    [InlineData(70, 422)]
    [InlineData(200, 422)]
    public async Task Post_DeeplyNestedData_IsRefusedAsTooDeep_NotAsInvalidJson(int depth, int status)
    {
        await using var server = await EventServer.StartAsync();
        var data = new string('[', depth - 1) + new string(']', depth - 1);

        var response = await server.PostAsync("/events", """{"source":"a","event_type":"x","data":{"k":""" + data + "}}");

        ((int)response.StatusCode).ShouldBe(status);
        if (status == 422)
        {
            var problem = await Json.ReadAsync(response);
            problem.GetProperty("field").GetString().ShouldBe("data");
            problem.GetProperty("detail").GetString()!.ShouldContain("nested too deep");
            problem.GetProperty("detail").GetString()!.ShouldContain("64");
        }
    }

    [Fact]
    public async Task Batch_DeeplyNestedData_NamesTheEvent()
    {
        await using var server = await EventServer.StartAsync();
        var deep = new string('[', 80) + new string(']', 80);

        var response = await server.PostAsync("/events/batch", "{\"source\":\"a\",\"event_type\":\"x\"}\n{\"source\":\"a\",\"event_type\":\"x\",\"data\":{\"k\":" + deep + "}}\n");

        var problem = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(422, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe("events[1].data");
        server.Log.Count().ShouldBe(0);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2200-01-01T00:00:00+02:00")]
    public async Task Post_TimestampOutsideTheSaneRange_Is422(string timestamp)
    {
        await using var server = await EventServer.StartAsync();

        var response = await server.PostAsync("/events", $$"""{"source":"a","event_type":"x","timestamp":"{{timestamp}}"}""");

        var problem = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(422, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe("timestamp");
        server.Log.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Post_TimestampsAtTheEdgesOfTheRange_AreStored()
    {
        await using var server = await EventServer.StartAsync();
        var soon = TimeProvider.System.GetUtcNow().AddHours(23).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        await server.PostEventAsync("a", "epoch", ""","timestamp":"1970-01-01T00:00:00Z" """);
        await server.PostEventAsync("a", "soon", $$""","timestamp":"{{soon}}" """);

        server.Log.Count().ShouldBe(2);
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static Task<HttpResponseMessage> PostBytesAsync(EventServer server, string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-API-Key", Keys.Ingest);
        return server.Http.SendAsync(request);
    }
}
