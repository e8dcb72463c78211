using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Aura.Agent.Planner;

/// <summary>The planner's connection to the action server: one action out, one answer back.</summary>
public sealed class AgentLink : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[1 << 16];

    private AgentLink(ClientWebSocket socket) => _socket = socket;

    /// <exception cref="AgentException">The server cannot be reached or refused the key.</exception>
    public static async Task<AgentLink> ConnectAsync(Uri uri, string? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var socket = new ClientWebSocket();
        if (key is not null)
        {
            socket.Options.SetRequestHeader("X-API-Key", key);
        }

        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            socket.Dispose();
            throw new AgentException($"cannot connect to the action server at {uri}: {e.Message} (is `aura agent serve` running, and is AURA_API_KEY a key with the 'agent' scope?)", e);
        }

        return new AgentLink(socket);
    }

    /// <summary>Sends one action object and returns the server's answer.</summary>
    public async Task<JsonElement> SendAsync(string json, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            var length = 0;
            while (true)
            {
                if (length == _buffer.Length)
                {
                    throw new AgentException("the action server's answer is larger than 64 KiB");
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new AgentException($"the action server closed the connection: {_socket.CloseStatusDescription}");
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    using var document = JsonDocument.Parse(_buffer.AsMemory(0, length));
                    return document.RootElement.Clone();
                }
            }
        }
        catch (WebSocketException e)
        {
            throw new AgentException($"the connection to the action server failed: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closing is a courtesy.
            }
        }

        _socket.Dispose();
    }
}
