using System.Net.Http.Headers;
using System.Text;
using Aura.Server.Hosting;
using Aura.Server.Tests.Support;
using Aura.Storage.Events;

namespace Aura.Server.Tests.Events;

/// <summary>A real server on 127.0.0.1:0 with the test keys and an event log on a temp file.</summary>
internal sealed class EventServer : IAsyncDisposable
{
    private readonly string _directory;

    private EventServer(RunningServer running, EventLog log, string directory)
    {
        Running = running;
        Log = log;
        _directory = directory;
    }

    public RunningServer Running { get; }

    public EventLog Log { get; }

    public HttpClient Http => Running.Http;

    public static async Task<EventServer> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, Func<DaemonParts, DaemonParts>? services = null)
    {
        var directory = Directory.CreateTempSubdirectory("aura-events-server-").FullName;
        var log = EventLog.Open(new EventLogOptions { Path = Path.Combine(directory, "events.sqlite"), BackgroundRetention = false }, TimeProvider.System);
        var running = await RunningServer.StartAsync(
            o => (configure ?? (x => x))(o with { Keys = Keys.Set }),
            (services ?? (x => x))(new DaemonParts { Events = log, Audit = new EventLogAuditTrail(log, TimeProvider.System) }));
        return new EventServer(running, log, directory);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string? key = Keys.Ingest, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? key = Keys.Read)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        return Http.SendAsync(request);
    }

    public async Task<long> PostEventAsync(string source, string type, string extra = "")
    {
        var response = await PostAsync("/events", $$"""{"source":"{{source}}","event_type":"{{type}}"{{extra}}}""");
        var body = await Json.ReadAsync(response);
        ((int)response.StatusCode).ShouldBe(201, body.ToString());
        return body.GetProperty("event_id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        await Running.DisposeAsync();
        Log.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
