using System.Net;
using System.Net.Sockets;
using System.Text;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Hosting;

/// <summary>
/// Clients that open connections and trickle their headers (or never send them) must not lock everyone else out.
/// Everything stays on 127.0.0.1, the counts are small and fixed, and every wait is bounded.
/// </summary>
public sealed class SlowClientTests
{
    private const int SlowClients = 150;

    [Fact]
    public async Task SlowHeaderCrowd_MoreThanTheConnectionLimit_LegitimateClientIsStillServed()
    {
        // Fewer connections allowed than the crowd opens: without a per-address bound the crowd fills every slot.
        await using var running = await RunningServer.StartAsync(o => o with
        {
            Limits = o.Limits with { MaxConnections = 100, MaxIdleConnectionsPerAddress = 32, RequestHeadersTimeout = TimeSpan.FromMinutes(2) },
        });
        var crowd = await OpenSlowCrowdAsync(running.Server.Address, SlowClients);
        try
        {
            using var response = await running.Http.GetAsync(new Uri("/api/health", UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var closed = await CountClosedAsync(crowd);
            closed.ShouldBeGreaterThanOrEqualTo(SlowClients - 32, "each address keeps at most 32 idle connections; older ones are closed");
        }
        finally
        {
            foreach (var client in crowd)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task SlowHeaders_PastTheHeaderTimeout_AreClosedByTheServer()
    {
        await using var running = await RunningServer.StartAsync(o => o with
        {
            Limits = o.Limits with { RequestHeadersTimeout = TimeSpan.FromSeconds(1) },
        });
        var crowd = await OpenSlowCrowdAsync(running.Server.Address, 5);
        try
        {
            (await CountClosedAsync(crowd, TimeSpan.FromSeconds(30))).ShouldBe(5, "Kestrel closes a connection whose headers do not arrive in time");
        }
        finally
        {
            foreach (var client in crowd)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task KeepAliveClients_UnderTheBound_AreNotClosed()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Limits = o.Limits with { MaxIdleConnectionsPerAddress = 8 } });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4 };
        using var http = new HttpClient(handler) { BaseAddress = running.Server.Address, Timeout = TimeSpan.FromSeconds(30) };

        for (var i = 0; i < 40; i++)
        {
            using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static async Task<List<Socket>> OpenSlowCrowdAsync(Uri address, int count)
    {
        var crowd = new List<Socket>(count);
        var partial = Encoding.ASCII.GetBytes($"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:{address.Port}\r\nX-Slow: ");
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            crowd.Add(socket);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(IPAddress.Loopback, address.Port, timeout.Token);
            await socket.SendAsync(partial, SocketFlags.None, timeout.Token);
        }

        return crowd;
    }

    /// <summary>How many of the sockets the server has closed (a read ends or resets), waiting at most <paramref name="wait"/> in all.</summary>
    private static async Task<int> CountClosedAsync(List<Socket> crowd, TimeSpan? wait = null)
    {
        using var deadline = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[256];
        var reads = crowd.Select(async socket =>
        {
            try
            {
                while (true)
                {
                    if (await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, deadline.Token) == 0)
                    {
                        return true;
                    }
                }
            }
            catch (SocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        });
        var closed = await Task.WhenAll(reads);
        return closed.Count(c => c);
    }
}
