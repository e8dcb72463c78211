using System.Buffers;
using System.IO.Compression;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Processes;

/// <summary>
/// A sealed block's process stream, Brotli-compressed when that is smaller: the records are bytes with repeating
/// shapes (flags, small deltas, recurring ids), which a general compressor shrinks well, unlike range-coded values.
/// Layout: a codec byte, the raw length, the bytes.
/// </summary>
internal static class ProcessStreamCodec
{
    private const byte Raw = 0;
    private const byte Brotli = 1;
    private const int Quality = 9;
    private const int Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> stream, ArrayPool<byte>? pool = null)
    {
        using var output = new ByteWriter(stream.Length + 16, pool);
        output.WriteByte(Brotli);
        output.WriteVarUInt((ulong)stream.Length);
        var bound = BrotliEncoder.GetMaxCompressedLength(stream.Length);
        var destination = output.GetSpan(bound);
        if (BrotliEncoder.TryCompress(stream, destination, out var written, Quality, Window) && written < stream.Length)
        {
            output.Advance(written);
            return output.ToArray();
        }

        output.Clear();
        output.WriteByte(Raw);
        output.WriteVarUInt((ulong)stream.Length);
        output.WriteBytes(stream);
        return output.ToArray();
    }

    public static byte[] Decompress(ReadOnlySpan<byte> data)
    {
        var reader = new ByteReader(data);
        var codec = reader.ReadByte();
        var length = reader.ReadLength();
        var body = reader.Remaining;
        if (codec == Raw)
        {
            return body[..length].ToArray();
        }

        var result = new byte[length];
        if (codec != Brotli || !BrotliDecoder.TryDecompress(body, result, out var written) || written != length)
        {
            throw new InvalidDataException("A process chunk does not decompress.");
        }

        return result;
    }
}
