using System.Net;
using System.Net.Sockets;
using System.Text;
using Aura.Server.Tests.Events;
using Aura.Server.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Tests.Hosting;

public sealed class SlowBodyTests
{
    [Fact]
    public async Task SlowBodies_AreLoggedOnceBriefly_WithoutAStackTrace()
    {
        var logs = new CapturedLogs();
        await using var server = await EventServer.StartAsync(services: s => s with { Logging = logs.Setup });
        var port = server.Running.Server.Address.Port;

        // Three clients promise a body and send almost none of it: Kestrel's minimum data rate (240 B/s after a 5 s
        // grace) ends each request. Each waits (bounded) until the server closes or answers.
        var clients = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StallAsync(port)));

        clients.ShouldAllBe(answer => answer == "closed" || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal));
        var entries = logs.Entries;
        entries.Where(e => e.Exception is not null && e.Level >= LogLevel.Warning).ShouldBeEmpty();
        var reported = entries.Where(e => e.Id.Id == 1400).ToList();
        reported.Count.ShouldBe(1, "reported at most once a minute");
        reported[0].Message.ShouldNotContain("   at ");
        server.Log.Count().ShouldBe(0);
    }

    private static async Task<string> StallAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
        var head = $"POST /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-API-Key: {Keys.Ingest}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{{\"source\":";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, deadline.Token);
        var buffer = new byte[1024];
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            return read == 0 ? "closed" : Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (SocketException)
        {
            return "closed";
        }
    }
}
