namespace Aura.Server.Hosting;

/// <summary>Hard limits on what one client may ask of the server. Exceeding one is a 4xx (or a closed connection), never slowness for others.</summary>
public sealed record ServerLimits
{
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public int MaxRequestHeadersBytes { get; init; } = 32 * 1024;

    public int MaxRequestLineBytes { get; init; } = 8 * 1024;

    /// <summary>Longest query string accepted, in characters, including the leading '?'.</summary>
    public int MaxQueryLength { get; init; } = 2048;

    /// <summary>Connections at once, from everyone; more are refused until some close.</summary>
    public long MaxConnections { get; init; } = 1024;

    /// <summary>
    /// Connections one client address may hold without a request in progress (still sending headers, or idle
    /// between requests); one more closes that address's oldest such connection, so slow clients cannot crowd out others.
    /// </summary>
    public int MaxIdleConnectionsPerAddress { get; init; } = 256;

    /// <summary>A client must send a request's headers within this long, or its connection is closed.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket clients at once; one more is answered 503.</summary>
    public int MaxWebSocketClients { get; init; } = 256;

    /// <summary>Largest message a WebSocket client may send; a bigger one closes the connection (1009).</summary>
    public int MaxWebSocketMessageBytes { get; init; } = 4096;

    /// <summary>A WebSocket client that cannot take one message within this long is dropped.</summary>
    public TimeSpan WebSocketSendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>UNIX-socket clients at once; more wait in the listen backlog.</summary>
    public int MaxSocketClients { get; init; } = 64;

    /// <summary>Largest request accepted on the UNIX socket.</summary>
    public int MaxSocketRequestBytes { get; init; } = 64 * 1024;

    /// <summary>A UNIX-socket client that sends no complete request within this long is disconnected.</summary>
    public TimeSpan SocketRequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body <c>POST /events</c> and <c>POST /events/batch</c> accept (Argus's 512 KB); more is 413.</summary>
    public int MaxEventBodyBytes { get; init; } = 512 * 1024;

    /// <summary>Most events one <c>GET /events</c> returns (Argus's <c>[limits] max_query_limit</c>, default 1000); more is 400.</summary>
    public int MaxEventQueryLimit { get; init; } = Events.EventQueryEndpoints.MaxLimit;

    /// <summary>Most events one <c>POST /events/batch</c> may carry.</summary>
    public int MaxEventBatch { get; init; } = 10_000;

    /// <summary>Messages a live-event (<c>/ws</c>) client may have waiting; one more cuts it off as too slow.</summary>
    public int EventSubscriberQueue { get; init; } = 8192;

    /// <summary>A <c>/ws</c> client that has not authenticated within this long is closed.</summary>
    public TimeSpan EventAuthTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
