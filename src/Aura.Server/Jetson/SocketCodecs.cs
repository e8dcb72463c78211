using System.Buffers;
using System.Collections.Immutable;

namespace Aura.Server.Jetson;

/// <summary>The encodings the socket speaks, tried in order on a request's first byte: JSON first, then CBOR.</summary>
internal static class SocketCodecs
{
    public static ImmutableArray<IMessageCodec> All { get; } = [JsonMessageCodec.Instance, CborMessageCodec.Instance];

    /// <summary>The codec for a request starting with <paramref name="first"/>, or null for an encoding this build does not speak.</summary>
    public static IMessageCodec? For(byte first)
    {
        foreach (var codec in All)
        {
            if (codec.Recognizes(first))
            {
                return codec;
            }
        }

        return null;
    }

    /// <summary>JSON's insignificant whitespace, skipped before a request's first byte decides its encoding.</summary>
    public static SearchValues<byte> Whitespace { get; } = SearchValues.Create(" \t\r\n"u8);
}
