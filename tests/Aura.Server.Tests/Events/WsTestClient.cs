using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Events;

/// <summary>A real WebSocket client of <c>/ws</c> speaking Argus's protocol.</summary>
internal static class WsTestClient
{
    public static Task<ClientWebSocket> ConnectAsync(EventServer server, Action<ClientWebSocketOptions>? configure = null) =>
        WsClient.ConnectAsync(server.Running.WebSocketUri("/ws"), configure);

    public static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public static async Task<ClientWebSocket> AuthenticatedAsync(EventServer server, string key = Keys.Read, string? filters = null)
    {
        var socket = await ConnectAsync(server);
        await SendAsync(socket, $$"""{"type":"auth","api_key":"{{key}}"}""");
        (await NextAsync(socket)).GetProperty("status").GetString().ShouldBe("success");
        if (filters is not null)
        {
            await SendAsync(socket, $$"""{"type":"subscribe","filters":{{filters}}}""");
            (await NextAsync(socket)).GetProperty("type").GetString().ShouldBe("subscribe_result");
        }

        return socket;
    }

    public static async Task<JsonElement> NextAsync(WebSocket socket)
    {
        var message = await WsClient.ReceiveJsonAsync(socket);
        message.ShouldNotBeNull($"the server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
        return message.Value;
    }
}
