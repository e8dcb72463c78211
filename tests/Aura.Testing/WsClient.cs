using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Aura.Testing;

public static class WsClient
{
    public static async Task<ClientWebSocket> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, timeout.Token);
        return socket;
    }

    /// <summary>One whole text message as JSON, or null when the server closed.</summary>
    public static async Task<JsonElement?> ReceiveJsonAsync(WebSocket socket, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Json.Parse(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }

    /// <summary>The used-memory figure, which the fake source raises by 1 MiB per sample: a tick's fingerprint.</summary>
    public static long UsedMemory(JsonElement stats) => stats.GetProperty("memory").GetProperty("used").GetInt64();
}
