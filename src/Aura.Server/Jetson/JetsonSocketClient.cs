using System.Buffers;
using System.Net.Sockets;
using System.Text;

namespace Aura.Server.Jetson;

/// <summary>
/// A client of the socket protocol, as `aura stats|meta|health` use it: writes one JSON request without half-closing
/// (the server answers as soon as the request is whole) and reads the answer until the server closes.
/// </summary>
public static class JetsonSocketClient
{
    private const int MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>The server's answer as JSON text.</summary>
    /// <exception cref="SocketException">Nothing listens on <paramref name="path"/>.</exception>
    public static async Task<string> RequestAsync(string path, SocketRequest request, CancellationToken cancellationToken)
    {
        var answer = await RequestBytesAsync(path, request, cancellationToken);
        return Encoding.UTF8.GetString(answer.Span);
    }

    /// <summary>The server's answer as UTF-8 JSON bytes (for clients that parse it straight away, as `aura top` does each refresh).</summary>
    /// <exception cref="SocketException">Nothing listens on <paramref name="path"/>.</exception>
    public static async Task<ReadOnlyMemory<byte>> RequestBytesAsync(string path, SocketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        var output = new ArrayBufferWriter<byte>(256);
        JsonMessageCodec.Instance.WriteRequest(request, output);
        await socket.SendAsync(output.WrittenMemory, SocketFlags.None, cancellationToken);

        using var response = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            response.Write(buffer, 0, read);
            if (response.Length > MaxResponseBytes)
            {
                throw new IOException($"the answer from {path} is larger than {MaxResponseBytes} bytes");
            }
        }

        return response.GetBuffer().AsMemory(0, (int)response.Length);
    }
}
