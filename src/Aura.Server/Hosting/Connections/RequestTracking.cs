using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Hosting.Connections;

/// <summary>
/// The first middleware: tells <see cref="ConnectionGate"/> when a connection is busy with a request (or became a
/// WebSocket), and turns a client that sends its body too slowly (Kestrel's minimum data rate) into one short log
/// line a minute with a count, not a stack trace per client: a thousand slow clients must not flood the log.
/// </summary>
internal sealed class RequestTracking(ILogger logger, TimeProvider clock)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private readonly Lock _sync = new();
    private long _lastLogged = long.MinValue;
    private int _unlogged;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var gated = context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(GatedConnection.Key, out var item) == true
            ? item as GatedConnection
            : null;
        gated?.RequestStarted();
        if (context.WebSockets.IsWebSocketRequest)
        {
            gated?.Pin();
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel aborts a body that arrives too slowly, or is malformed or too large, by throwing from the read.
            Note(context, e);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = e.StatusCode;
            }
        }
        finally
        {
            gated?.RequestEnded();
        }
    }

    private void Note(HttpContext context, BadHttpRequestException e)
    {
        int count;
        lock (_sync)
        {
            var now = clock.GetTimestamp();
            _unlogged++;
            if (_lastLogged != long.MinValue && clock.GetElapsedTime(_lastLogged, now) < LogEvery)
            {
                return;
            }

            _lastLogged = now;
            count = _unlogged;
            _unlogged = 0;
        }

        Log.BadRequestBody(logger, count, context.Connection.RemoteIpAddress, e.StatusCode, e.Message);
    }
}
