namespace Aura.Server.Hosting;

/// <summary>Live counts for health reports: clients connected now, socket requests and errors since start.</summary>
public sealed class ServerCounters
{
    private int _webSocketClients;
    private int _socketClients;
    private long _socketRequests;
    private long _errors;
    private string? _lastError;

    public int WebSocketClients => Volatile.Read(ref _webSocketClients);

    public int SocketClients => Volatile.Read(ref _socketClients);

    /// <summary>Everyone connected to a live feed or the socket right now.</summary>
    public int ConnectedClients => WebSocketClients + SocketClients;

    public long SocketRequests => Interlocked.Read(ref _socketRequests);

    public long Errors => Interlocked.Read(ref _errors);

    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Counts a WebSocket client in, unless that would pass <paramref name="limit"/>.</summary>
    internal bool TryAddWebSocketClient(int limit)
    {
        if (Interlocked.Increment(ref _webSocketClients) <= limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _webSocketClients);
        return false;
    }

    internal void RemoveWebSocketClient() => Interlocked.Decrement(ref _webSocketClients);

    internal void AddSocketClient() => Interlocked.Increment(ref _socketClients);

    internal void RemoveSocketClient() => Interlocked.Decrement(ref _socketClients);

    internal void CountSocketRequest() => Interlocked.Increment(ref _socketRequests);

    internal void CountError(string message)
    {
        Interlocked.Increment(ref _errors);
        Volatile.Write(ref _lastError, message);
    }
}
