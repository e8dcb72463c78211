using System.Collections.Concurrent;
using Aura.Agent.Actions;
using Aura.Agent.Server;
using Aura.Server.Auth;
using Aura.Storage.Events;

namespace Aura.Agent.Tests.Support;

/// <summary>
/// The real action server on 127.0.0.1:0 against a private Xvfb, auditing into a real event log in a temp directory.
/// </summary>
internal sealed class AgentHost : IAsyncDisposable
{
    public const string AgentKey = "agent-key-0123456789abcdef";
    public const string ReadKey = "read-key-0123456789abcdef";

    private readonly AgentServer _server;
    private readonly EventLog _log;

    private AgentHost(Xvfb x, string directory, AgentServer server, EventLog log)
    {
        X = x;
        Directory = directory;
        _server = server;
        _log = log;
        _log.Committed += batch =>
        {
            foreach (var stored in batch)
            {
                Events.Enqueue(stored.Event);
            }
        };
    }

    public Xvfb X { get; }

    public string Directory { get; }

    public string ScreenshotDirectory => Path.Combine(Directory, "shots");

    public ConcurrentQueue<NewEvent> Events { get; } = new();

    public Uri Root => new UriBuilder(_server.Address) { Scheme = "ws" }.Uri;

    public Uri Endpoint => new(Root, AgentEndpoint.Path);

    public static async Task<AgentHost> StartAsync(TimeProvider? clock = null)
    {
        var x = Xvfb.Start();
        var directory = Path.Combine(Path.GetTempPath(), "aura-agent-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var log = EventLog.Open(new EventLogOptions { Path = Path.Combine(directory, "events.sqlite"), Sync = EventSync.Normal }, TimeProvider.System);
        var keys = ApiKeySet.From([("agent", AgentKey, ApiScopes.Agent), ("reader", ReadKey, ApiScopes.Read)]);
        var options = new AgentEndpointOptions
        {
            Keys = keys,
            Display = x.Display,
            Screenshots = new ScreenshotStore(Path.Combine(directory, "shots"), TimeProvider.System),
            Audit = new EventLogAuditTrail(log, TimeProvider.System),
            Clock = clock ?? TimeProvider.System,
        };
        var server = AgentServer.Build("127.0.0.1", 0, options);
        await server.StartAsync(CancellationToken.None);
        return new AgentHost(x, directory, server, log);
    }

    public Task<AgentClient> ConnectAsync(string? key = AgentKey, string header = "X-API-Key") => AgentClient.ConnectAsync(Endpoint, key, header);

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
        _log.Dispose();
        X.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
