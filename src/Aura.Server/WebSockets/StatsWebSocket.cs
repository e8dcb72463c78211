using System.Net.WebSockets;
using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.ClaraVerse;
using Aura.Server.Hosting;
using Aura.Server.Sampling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.WebSockets;

/// <summary>
/// <c>WS /ws/stats</c>: ClaraVerse's stats body at connect, then one per tick (open on loopback, like <c>/api/stats</c>).
/// <c>WS /ws/v1/snapshot</c>: the same for Aura's whole snapshot JSON (the cockpit's live feed; needs the read scope). Every client reads the same cached bytes
/// from its own one-frame mailbox, so a slow client skips ticks, and one that cannot take a message within the send
/// timeout is dropped; neither slows the sampler or anyone else.
/// </summary>
internal static class StatsWebSocket
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    public static void Map(IEndpointRouteBuilder app, ServerState state, IHostApplicationLifetime lifetime, ILogger logger)
    {
        app.Map("/ws/stats", context => RunAsync(context, state, ClaraBody, logger, lifetime.ApplicationStopping))
            .WithMetadata(AccessRule.LoopbackStats);
        app.Map("/ws/v1/snapshot", context => RunAsync(context, state, SnapshotBody, logger, lifetime.ApplicationStopping))
            .WithMetadata(AccessRule.RequireRead);
    }

    private static byte[] ClaraBody(TickFrame frame) => frame.ClaraStats(ClaraStatsBody.Render);

    private static byte[] SnapshotBody(TickFrame frame) => frame.SnapshotJson(SnapshotEndpoints.RenderSnapshot);

    private static async Task RunAsync(HttpContext context, ServerState state, Func<TickFrame, byte[]> body, ILogger logger, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.BadRequest("upgrade", $"{context.Request.Path} is a WebSocket endpoint: connect with a WebSocket client").ExecuteAsync(context);
            return;
        }

        var limits = state.Options.Limits;
        if (!state.Counters.TryAddWebSocketClient(limits.MaxWebSocketClients))
        {
            await Problems.Unavailable("too_many_clients", $"the server already has {limits.MaxWebSocketClients} WebSocket clients").ExecuteAsync(context);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var subscription = state.Hub.Subscribe();
            using var clientGone = new CancellationTokenSource();
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping, clientGone.Token);

            // Receives are never cancelled (that would abort the socket mid close handshake); they end on the client's
            // Close, an oversized message, or the connection dropping.
            var receiving = ReceiveAsync(socket, limits.MaxWebSocketMessageBytes, clientGone);
            try
            {
                await SendAllAsync(socket, state, subscription, body, limits.WebSocketSendTimeout, closing.Token);
            }
            catch (OperationCanceledException) when (!closing.IsCancellationRequested)
            {
                Log.WebSocketClientDropped(logger, context.Connection.RemoteIpAddress, limits.WebSocketSendTimeout);
                socket.Abort();
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
                // The client left or the server is stopping.
            }

            await CloseAsync(socket, receiving, stopping.IsCancellationRequested);
        }
        finally
        {
            state.Counters.RemoveWebSocketClient();
        }
    }

    private static async Task SendAllAsync(WebSocket socket, ServerState state, SnapshotSubscription subscription, Func<TickFrame, byte[]> body, TimeSpan timeout, CancellationToken closing)
    {
        long sent = 0;
        if (state.Hub.Latest is { } first)
        {
            await SendAsync(socket, body(first), timeout, closing);
            sent = first.Tick;
        }

        await foreach (var frame in subscription.Reader.ReadAllAsync(closing))
        {
            if (frame.Tick > sent)
            {
                await SendAsync(socket, body(frame), timeout, closing);
                sent = frame.Tick;
            }
        }
    }

    private static async Task SendAsync(WebSocket socket, byte[] body, TimeSpan timeout, CancellationToken closing)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(closing);
        deadline.CancelAfter(timeout);
        await socket.SendAsync(body, WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
    }

    /// <summary>Reads and discards what the client sends, until its Close, an oversized message (closed 1009) or the connection drops.</summary>
    private static async Task ReceiveAsync(WebSocket socket, int maxMessageBytes, CancellationTokenSource clientGone)
    {
        var buffer = new byte[Math.Min(maxMessageBytes, 4096)];
        var messageBytes = 0;
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                messageBytes += result.Count;
                if (messageBytes > maxMessageBytes)
                {
                    using var timeout = new CancellationTokenSource(CloseTimeout);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, $"messages are limited to {maxMessageBytes} bytes", timeout.Token);
                    break;
                }

                if (result.EndOfMessage)
                {
                    messageBytes = 0;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Closed from either side.
        }
        finally
        {
            await clientGone.CancelAsync();
        }
    }

    /// <summary>Completes the close handshake (1001 when the server is stopping), waiting a bounded time for the client's answer.</summary>
    private static async Task CloseAsync(WebSocket socket, Task receiving, bool serverStopping)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                var status = serverStopping ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure;
                await socket.CloseOutputAsync(status, serverStopping ? "server stopping" : null, timeout.Token);
            }

            await receiving.WaitAsync(CloseTimeout);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or WebSocketException or IOException)
        {
            socket.Abort();
        }
    }
}
