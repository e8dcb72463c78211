using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.WebSockets;

public sealed class StatsWebSocketTests
{
    [Fact]
    public async Task Connect_OnLoopbackWithoutKey_GetsStatsAtOnceThenOnePerTick()
    {
        await using var running = await RunningServer.StartAsync();
        using var socket = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));

        var first = (await WsClient.ReceiveJsonAsync(socket))!.Value;
        var second = (await WsClient.ReceiveJsonAsync(socket))!.Value;
        var third = (await WsClient.ReceiveJsonAsync(socket))!.Value;

        Json.PropertyNames(first).ShouldBe(["cpu", "memory", "disk", "network", "gpu", "processes", "uptime", "timestamp"]);
        WsClient.UsedMemory(second).ShouldBeGreaterThan(WsClient.UsedMemory(first), "each message is a newer tick");
        WsClient.UsedMemory(third).ShouldBeGreaterThan(WsClient.UsedMemory(second));
    }

    [Fact]
    public async Task HundredClients_AddNoSamplerWork()
    {
        await using var running = await RunningServer.StartAsync();
        var sockets = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"))));
        try
        {
            var ticksBefore = running.Server.Hub.Ticks;
            var received = await Task.WhenAll(sockets.Select(async socket =>
            {
                var count = 0;
                while (count < 5 && await WsClient.ReceiveJsonAsync(socket) is not null)
                {
                    count++;
                }

                return count;
            }));

            received.ShouldAllBe(count => count == 5);
            running.Server.Counters.WebSocketClients.ShouldBe(100);
            var health = await Json.ReadAsync(await running.Http.GetAsync(new Uri("/api/health", UriKind.Relative)));
            health.GetProperty("activeConnections").GetInt32().ShouldBe(100);
            var ticks = running.Server.Hub.Ticks;
            ticks.ShouldBeGreaterThan(ticksBefore);
            running.Source.Samples.ShouldBeInRange((int)ticks + 1, (int)ticks + 2, "one sample per tick (plus the baseline), however many clients");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task StalledClient_IsDropped_WhileOthersAndTheSamplerKeepTheirPace()
    {
        // Large messages so a client that never reads fills the socket buffers quickly; the send timeout is long enough
        // that both clients are surely connected (on a loaded 2-core machine) before the stalled one can be dropped.
        var source = new FakeSource(TimeProvider.System, processes: 4000);
        await using var running = await RunningServer.StartAsync(
            o => o with { Interval = TimeSpan.FromMilliseconds(50), Limits = o.Limits with { WebSocketSendTimeout = TimeSpan.FromSeconds(2) } },
            source: source);
        using var stalled = await ConnectWithoutReadingAsync(running);
        using var healthy = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));
        running.Server.Counters.WebSocketClients.ShouldBe(2);

        var ticksBefore = running.Server.Hub.Ticks;
        var lastUsed = 0L;
        var received = 0;
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (running.Server.Counters.WebSocketClients > 1 && elapsed.Elapsed < TimeSpan.FromSeconds(30))
        {
            var stats = (await WsClient.ReceiveJsonAsync(healthy))!.Value;
            WsClient.UsedMemory(stats).ShouldBeGreaterThan(lastUsed);
            lastUsed = WsClient.UsedMemory(stats);
            received++;
        }

        running.Server.Counters.WebSocketClients.ShouldBe(1, "the client that never reads was dropped");
        received.ShouldBeGreaterThan(3, "the healthy client kept getting ticks meanwhile");
        running.Server.Hub.Ticks.ShouldBeGreaterThan(ticksBefore + 3);
        (await WsClient.ReceiveJsonAsync(healthy)).ShouldNotBeNull("the healthy client is still served");
    }

    [Fact]
    public async Task ClientCloses_CountDropsToZero()
    {
        await using var running = await RunningServer.StartAsync();
        using var socket = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));
        await WsClient.ReceiveJsonAsync(socket);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);

        await Eventually.TrueAsync(() => running.Server.Counters.WebSocketClients == 0, "the closed client is no longer counted");
    }

    [Fact]
    public async Task ClientSendsOversizedMessage_ServerCloses1009()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Limits = o.Limits with { MaxWebSocketMessageBytes = 1024 } });
        using var socket = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));

        await socket.SendAsync(new byte[2048], WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        while (await WsClient.ReceiveJsonAsync(socket) is not null)
        {
            // Drain the ticks sent before the close.
        }

        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.MessageTooBig);
    }

    [Fact]
    public async Task TooManyClients_NextIsRefused503()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Limits = o.Limits with { MaxWebSocketClients = 2 } });
        using var one = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));
        using var two = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));

        using var three = new ClientWebSocket();
        three.Options.CollectHttpResponseDetails = true;
        await Should.ThrowAsync<WebSocketException>(() => three.ConnectAsync(running.WebSocketUri("/ws/stats"), CancellationToken.None));

        three.HttpStatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task ServerStops_ClientsAreClosedAsGoingAway()
    {
        var running = await RunningServer.StartAsync();
        using var socket = await WsClient.ConnectAsync(running.WebSocketUri("/ws/stats"));
        await WsClient.ReceiveJsonAsync(socket);

        var stopping = running.DisposeAsync();
        while (await WsClient.ReceiveJsonAsync(socket) is not null)
        {
            // Ticks sent before the stop.
        }

        await stopping;
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
    }

    [Fact]
    public async Task PlainHttpGet_Is400NamingTheUpgrade()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await running.Http.GetAsync(new Uri("/ws/stats", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("upgrade");
    }

    /// <summary>A raw WebSocket handshake on a socket with a tiny receive buffer, after which the client never reads.</summary>
    private static async Task<Socket> ConnectWithoutReadingAsync(RunningServer running)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, running.Server.Address.Port);
        var handshake = $"GET /ws/stats HTTP/1.1\r\nHost: {running.Server.Address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(handshake));
        await Eventually.TrueAsync(() => running.Server.Counters.WebSocketClients >= 1, "the raw handshake was accepted");
        return socket;
    }
}
