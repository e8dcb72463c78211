using System.Buffers.Binary;
using System.IO.Compression;

namespace Aura.Agent.Screen;

/// <summary>Writes part of a frame as an 8-bit RGB PNG (screenshots, and the crops sent to the vision model).</summary>
internal static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(ScreenFrame frame, Region area)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var line = new byte[1 + (area.Width * 3)];
            for (var y = area.Y; y < area.Bottom; y++)
            {
                var source = frame.Pixels.Slice((y * frame.Stride) + (area.X * 4), area.Width * 4);
                line[0] = 0; // filter: none
                for (var x = 0; x < area.Width; x++)
                {
                    line[1 + (x * 3)] = source[(x * 4) + 2];
                    line[2 + (x * 3)] = source[(x * 4) + 1];
                    line[3 + (x * 3)] = source[x * 4];
                }

                zlib.Write(line);
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, area.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], area.Height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        header[10] = header[11] = header[12] = 0;
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0, type), data));
        output.Write(word);
    }
}
