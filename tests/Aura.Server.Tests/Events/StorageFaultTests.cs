using System.Net;
using Aura.Server.Tests.Support;
using Aura.Storage.Events;

namespace Aura.Server.Tests.Events;

/// <summary>A real event log file with damaged pages, served by a real daemon: the damage must be reported, not hidden.</summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-damage-");

    private string EventsPath => Path.Combine(_directory.FullName, "events.sqlite");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Health_EventLogDamagedAtStart_IsDegradedWithTheReason()
    {
        await DamagedEventLog.CreateAsync(EventsPath);
        using var log = EventLog.Open(new EventLogOptions { Path = EventsPath, BackgroundRetention = false }, TimeProvider.System);
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, new() { Events = log });

        var health = await Json.ReadAsync(await running.Http.GetAsync(new Uri("/api/health", UriKind.Relative)));

        health.GetProperty("status").GetString().ShouldBe("degraded");
        health.GetProperty("reason").GetString()!.ShouldContain(EventsPath);
        health.GetProperty("reason").GetString()!.ShouldContain("aura db repair");
        health.GetProperty("storageErrors").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Query_ThatMeetsADamagedPage_IsAProblemBodyNamingTheFileAndTheFix()
    {
        await DamagedEventLog.CreateAsync(EventsPath);
        using var log = EventLog.Open(new EventLogOptions { Path = EventsPath, BackgroundRetention = false }, TimeProvider.System);
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, new() { Events = log });
        // Page through every event, newest first: some page of them lies on the damaged pages.
        HttpResponseMessage? response = null;
        var query = "/events?limit=1000";
        for (var page = 0; page < 5; page++)
        {
            response?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(query, UriKind.Relative));
            request.Headers.Add("X-API-Key", Keys.Read);
            response = await running.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                break;
            }

            var body = await Json.ReadAsync(response);
            if (!body.TryGetProperty("next_before_id", out var next) || next.ValueKind != System.Text.Json.JsonValueKind.Number)
            {
                break;
            }

            query = $"/events?limit=1000&before_id={next.GetInt64()}";
        }

        using var _ = response;
        response!.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json.ReadAsync(response);
        problem.GetProperty("code").GetString().ShouldBe("storage_damaged");
        problem.GetProperty("detail").GetString()!.ShouldContain(EventsPath);
        problem.GetProperty("detail").GetString()!.ShouldContain("aura db check");
    }

    [Fact]
    public async Task Health_SoundEventLog_IsHealthyWithNoStorageErrors()
    {
        using var log = EventLog.Open(new EventLogOptions { Path = EventsPath, BackgroundRetention = false }, TimeProvider.System);
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, new() { Events = log });
        await running.WaitForTickAsync(0);

        var health = await Json.ReadAsync(await running.Http.GetAsync(new Uri("/api/health", UriKind.Relative)));

        health.GetProperty("status").GetString().ShouldBe("healthy");
        health.GetProperty("storageErrors").GetInt64().ShouldBe(0);
        health.TryGetProperty("reason", out _).ShouldBeFalse();
    }
}
