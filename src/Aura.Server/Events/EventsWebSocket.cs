using System.Net.WebSockets;
using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Events;

/// <summary>
/// <c>WS /ws</c>, Argus's live tail. A client authenticates with an API key message (or arrives with the cockpit's
/// session cookie, checked like any request; an Origin header is never taken as proof), then gets every committed event
/// its filters match. Each client drains its own bounded outbox; one that falls behind is closed (1008, with the reason).
/// </summary>
internal static class EventsWebSocket
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    public static void Map(IEndpointRouteBuilder app, ServerState state, IHostApplicationLifetime lifetime, ILogger logger)
    {
        // Public at the HTTP layer: Argus clients authenticate inside the socket. A presented cookie or key is still checked.
        app.Map("/ws", context => RunAsync(context, state, logger, lifetime.ApplicationStopping)).WithMetadata(AccessRule.Anyone);
    }

    private static async Task RunAsync(HttpContext context, ServerState state, ILogger logger, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.BadRequest("upgrade", "/ws is a WebSocket endpoint: connect with a WebSocket client").ExecuteAsync(context);
            return;
        }

        if (state.Events is null)
        {
            await EventEndpoints.EventLogOff().ExecuteAsync(context);
            return;
        }

        var limits = state.Options.Limits;
        if (!state.Counters.TryAddWebSocketClient(limits.MaxWebSocketClients))
        {
            await Problems.Unavailable("too_many_clients", $"the server already has {limits.MaxWebSocketClients} WebSocket clients").ExecuteAsync(context);
            return;
        }

        var subscriber = new EventSubscriber(limits.EventSubscriberQueue);
        var handler = new WsRequestHandler(state, subscriber, SessionAllowsRead(context, state));
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            if (handler.Authenticated)
            {
                state.EventHub.Add(subscriber);
            }

            using var authDeadline = new Timer(
                _ =>
                {
                    if (!handler.Authenticated)
                    {
                        subscriber.End($"not authenticated within {limits.EventAuthTimeout.TotalSeconds:0} s");
                    }
                },
                null,
                limits.EventAuthTimeout,
                Timeout.InfiniteTimeSpan);
            var receiving = ReceiveAsync(socket, handler, subscriber, limits.MaxWebSocketMessageBytes);
            await SendAsync(socket, subscriber, limits.WebSocketSendTimeout, logger, context, stopping);
            await receiving.WaitAsync(CloseTimeout, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            state.EventHub.Remove(subscriber);
            state.Counters.RemoveWebSocketClient();
        }
    }

    private static bool SessionAllowsRead(HttpContext context, ServerState state) =>
        context.Request.Cookies.TryGetValue(AccessGuard.SessionCookie, out var token)
        && !string.IsNullOrEmpty(token)
        && state.Sessions.Find(token) is { } scopes
        && AccessGuard.Allows(scopes, ApiScopes.Read);

    /// <summary>Sends the outbox in order until it ends, then closes with the reason it ended (or 1001 when the server stops).</summary>
    private static async Task SendAsync(WebSocket socket, EventSubscriber subscriber, TimeSpan timeout, ILogger logger, HttpContext context, CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        try
        {
            // Whatever is queued goes out as one burst under one deadline (arming a timer per frame cost more than the send).
            var outbox = subscriber.Outbox;
            while (await outbox.WaitToReadAsync(deadline.Token))
            {
                deadline.CancelAfter(timeout);
                while (outbox.TryRead(out var frame))
                {
                    await socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
                }

                deadline.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            Log.WebSocketClientDropped(logger, context.Connection.RemoteIpAddress, timeout);
            socket.Abort();
            return;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The client left, or the server is stopping (closed below).
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var close = new CancellationTokenSource(CloseTimeout);
                var (status, reason) = stopping.IsCancellationRequested
                    ? (WebSocketCloseStatus.EndpointUnavailable, "server stopping")
                    : subscriber.CloseReason is { } why ? (WebSocketCloseStatus.PolicyViolation, why) : (WebSocketCloseStatus.NormalClosure, "");
                await socket.CloseOutputAsync(status, reason, close.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            socket.Abort();
        }
    }

    /// <summary>Reads client messages until its Close or the connection drops, handing each whole message to the handler.</summary>
    private static async Task ReceiveAsync(WebSocket socket, WsRequestHandler handler, EventSubscriber subscriber, int maxMessageBytes)
    {
        var buffer = new byte[maxMessageBytes + 1];
        var filled = 0;
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled += result.Count;
                if (filled > maxMessageBytes)
                {
                    subscriber.End($"messages are limited to {maxMessageBytes} bytes");
                    break;
                }

                if (result.EndOfMessage)
                {
                    handler.Handle(buffer.AsSpan(0, filled));
                    filled = 0;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Closed from either side.
        }
        finally
        {
            subscriber.End(null);
        }
    }
}
