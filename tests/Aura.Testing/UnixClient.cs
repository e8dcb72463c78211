using System.Net.Sockets;
using System.Text;

namespace Aura.Testing;

/// <summary>A raw client of the JetsonScope socket: writes bytes, optionally half-closes, reads until the server closes.</summary>
public static class UnixClient
{
    public static async Task<string> RequestAsync(string path, string request, bool halfClose = false, TimeSpan? timeout = null) =>
        Encoding.UTF8.GetString(await RequestAsync(path, [Encoding.UTF8.GetBytes(request)], halfClose, timeout));

    public static async Task<byte[]> RequestAsync(string path, byte[][] chunks, bool halfClose, TimeSpan? timeout = null, TimeSpan? pause = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), deadline.Token);
        foreach (var chunk in chunks)
        {
            await socket.SendAsync(chunk, SocketFlags.None, deadline.Token);
            if (pause is { } p)
            {
                await Task.Delay(p, deadline.Token);
            }
        }

        if (halfClose)
        {
            socket.Shutdown(SocketShutdown.Send);
        }

        using var response = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
            {
                response.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"the server did not answer and close within the timeout (got {response.Length} bytes)");
        }

        return response.ToArray();
    }
}
