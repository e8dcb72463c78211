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
    public static Task<string> RequestAsync(string path, SocketRequest request, CancellationToken cancellationToken) =>
        RequestAsync(path, request, JsonMessageCodec.Instance, cancellationToken);

    /// <summary>
    /// The server's answer as JSON text, the request written in <paramref name="codec"/>'s encoding (CBOR for clients set
    /// to <c>JETSONSCOPE_PROTO=cbor</c>); a CBOR answer is turned into the same JSON.
    /// </summary>
    /// <exception cref="SocketException">Nothing listens on <paramref name="path"/>.</exception>
    /// <exception cref="Aura.Core.Cbor.CborException">A CBOR answer is not valid CBOR.</exception>
    public static async Task<string> RequestAsync(string path, SocketRequest request, IMessageCodec codec, CancellationToken cancellationToken)
    {
        var answer = await RequestBytesAsync(path, request, codec, cancellationToken);
        return Encoding.UTF8.GetString(answer.Span);
    }

    /// <summary>
    /// The server's answer as UTF-8 JSON bytes, for clients that parse it straight away (`aura top` each refresh); a CBOR
    /// answer is turned into the same JSON.
    /// </summary>
    /// <exception cref="SocketException">Nothing listens on <paramref name="path"/>.</exception>
    /// <exception cref="Aura.Core.Cbor.CborException">A CBOR answer is not valid CBOR.</exception>
    public static async Task<ReadOnlyMemory<byte>> RequestBytesAsync(string path, SocketRequest request, IMessageCodec codec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(codec);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        var output = new ArrayBufferWriter<byte>(256);
        codec.WriteRequest(request, output);
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

        var answer = response.GetBuffer().AsMemory(0, (int)response.Length);
        return codec is CborMessageCodec
            ? Aura.Core.Cbor.CborJson.ToJsonUtf8(answer.Span, new Aura.Core.Cbor.CborDecoderOptions { MaxItemLength = MaxResponseBytes })
            : answer;
    }
}
