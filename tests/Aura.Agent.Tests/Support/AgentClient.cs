using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Aura.Agent.Tests.Support;

/// <summary>A WebSocket client of the action server, as an AuraOS client would be (plus the key header).</summary>
internal sealed class AgentClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private AgentClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<AgentClient> ConnectAsync(Uri uri, string? key, string header = "X-API-Key")
    {
        var socket = new ClientWebSocket();
        if (key is not null)
        {
            socket.Options.SetRequestHeader(header, header == "Authorization" ? "Bearer " + key : key);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, timeout.Token);
        return new AgentClient(socket);
    }

    public async Task<JsonElement> SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
        return await ReceiveAsync();
    }

    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[1 << 22];
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new ShouldAssertException($"the server closed the socket ({_socket.CloseStatus}: {_socket.CloseStatusDescription})");
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
            }
        }
    }

    /// <summary>True when the server closes the socket (the next receive sees the close).</summary>
    public async Task<bool> ClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var result = await _socket.ReceiveAsync(new byte[1024], timeout.Token);
            return result.MessageType == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
