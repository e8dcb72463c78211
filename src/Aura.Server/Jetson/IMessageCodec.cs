using System.Buffers;

namespace Aura.Server.Jetson;

/// <summary>
/// One wire encoding of JetsonScope's protocol (serde's externally tagged enums). The server picks the codec from a
/// request's first byte and answers in the same encoding. JSON is built in; CBOR plugs in here.
/// </summary>
public interface IMessageCodec
{
    /// <summary>"json" or "cbor".</summary>
    string Name { get; }

    /// <summary>Whether a message that starts with <paramref name="first"/> (the first byte that is not whitespace) is in this encoding.</summary>
    bool Recognizes(byte first);

    /// <summary>
    /// Looks for one complete request at the start of <paramref name="received"/>. With <paramref name="isFinalBlock"/>
    /// false more bytes may follow, so a request cut short is <see cref="FrameStatus.Incomplete"/>, not invalid.
    /// </summary>
    FrameStatus TryReadRequest(ReadOnlySpan<byte> received, bool isFinalBlock, out SocketRequest? request, out string? problem);

    void WriteResponse(SocketResponse response, IBufferWriter<byte> output);

    /// <summary>For clients: the request as this encoding writes it.</summary>
    void WriteRequest(SocketRequest request, IBufferWriter<byte> output);
}
