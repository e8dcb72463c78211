using System.Buffers;
using System.Text.Json;
using Aura.Core.Cbor;

namespace Aura.Server.Jetson;

/// <summary>
/// serde_cbor's form of the same messages: a unit request is a text string (<c>"GetStats"</c>), SetControl a map, and
/// the response the JSON response's CBOR twin. Requests and responses go through the CBOR/JSON bridge, so both
/// encodings are handled by the same code and answer alike.
/// </summary>
public sealed class CborMessageCodec : IMessageCodec
{
    /// <summary>A request is tiny; anything larger is refused before it is buffered.</summary>
    private static readonly CborDecoderOptions Limits = new() { MaxDepth = 8, MaxItemLength = 64 * 1024 };

    public static CborMessageCodec Instance { get; } = new();

    public string Name => "cbor";

    /// <summary>
    /// A text string (major type 3) or a map (major type 5). JSON is asked first, so 0x7B, which is both '{' and a
    /// 27-byte CBOR text, is read as JSON: no request name is 27 bytes long.
    /// </summary>
    public bool Recognizes(byte first) => (first >> 5) is 3 or 5;

    public FrameStatus TryReadRequest(ReadOnlySpan<byte> received, bool isFinalBlock, out SocketRequest? request, out string? problem)
    {
        request = null;
        problem = null;
        switch (CborDecoder.TryReadItem(received, out var length, out var error, Limits))
        {
            case CborReadStatus.Incomplete when !isFinalBlock:
                return FrameStatus.Incomplete;
            case CborReadStatus.Incomplete:
                problem = "the connection closed before a whole request arrived";
                return FrameStatus.Invalid;
            case CborReadStatus.Malformed:
                problem = $"not valid CBOR: {error?.Message}";
                return FrameStatus.Invalid;
        }

        byte[] json;
        try
        {
            json = CborJson.ToJsonUtf8(received[..length], Limits);
        }
        catch (CborException e)
        {
            problem = $"not a JetsonScope request: {e.Message}";
            return FrameStatus.Invalid;
        }

        request = JsonMessageCodec.Parse(json, out problem);
        return request is null ? FrameStatus.Invalid : FrameStatus.Complete;
    }

    public void WriteResponse(SocketResponse response, IBufferWriter<byte> output)
    {
        var json = new ArrayBufferWriter<byte>(4096);
        JsonMessageCodec.Instance.WriteResponse(response, json);
        Transcode(json.WrittenSpan, output);
    }

    public void WriteRequest(SocketRequest request, IBufferWriter<byte> output)
    {
        var json = new ArrayBufferWriter<byte>(256);
        JsonMessageCodec.Instance.WriteRequest(request, json);
        Transcode(json.WrittenSpan, output);
    }

    private static void Transcode(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        CborJson.FromJson(document.RootElement, output);
    }
}
