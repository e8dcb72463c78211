using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Aura.Core.Cbor;

/// <summary>Writes validated CBOR as JSON; the mapping is described on <see cref="CborJson"/>.</summary>
internal static class CborToJsonWriter
{
    public static int Write(ReadOnlySpan<byte> input, int offset, Utf8JsonWriter writer)
    {
        var head = CborHead.ReadValidated(input, offset);
        var next = offset + head.Length;
        switch (head.Major)
        {
            case CborMajorType.UnsignedInteger:
                writer.WriteNumberValue(head.Argument);
                return next;
            case CborMajorType.NegativeInteger:
                WriteNegative(head.Argument, writer);
                return next;
            case CborMajorType.ByteString:
                return WriteBytes(input, head, next, writer);
            case CborMajorType.TextString:
                return WriteText(input, head, next, writer);
            case CborMajorType.Array:
                writer.WriteStartArray();
                for (var i = 0UL; head.IsIndefinite ? input[next] != CborHead.Break : i < head.Argument; i++)
                {
                    next = Write(input, next, writer);
                }

                writer.WriteEndArray();
                return head.IsIndefinite ? next + 1 : next;
            case CborMajorType.Map:
                writer.WriteStartObject();
                for (var i = 0UL; head.IsIndefinite ? input[next] != CborHead.Break : i < head.Argument; i++)
                {
                    next = WritePropertyName(input, next, writer);
                    next = Write(input, next, writer);
                }

                writer.WriteEndObject();
                return head.IsIndefinite ? next + 1 : next;
            case CborMajorType.Tag:
                return Write(input, next, writer);
            default:
                WriteSimpleOrFloat(head, writer);
                return next;
        }
    }

    private static void WriteNegative(ulong argument, Utf8JsonWriter writer)
    {
        if (argument <= long.MaxValue)
        {
            writer.WriteNumberValue(-1 - (long)argument);
            return;
        }

        Span<byte> text = stackalloc byte[24];
        (-1 - (Int128)argument).TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteRawValue(text[..written]);
    }

    private static void WriteSimpleOrFloat(CborHead head, Utf8JsonWriter writer)
    {
        if (head.IsFloat)
        {
            WriteDouble(head.ToDouble(), writer);
            return;
        }

        switch (head.Argument)
        {
            case 20:
                writer.WriteBooleanValue(false);
                break;
            case 21:
                writer.WriteBooleanValue(true);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteDouble(double value, Utf8JsonWriter writer)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }

        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
        if (text[..written].IndexOfAny((byte)'.', (byte)'E') < 0)
        {
            ".0"u8.CopyTo(text[written..]);
            written += 2;
        }

        writer.WriteRawValue(text[..written]);
    }

    private static int WriteText(ReadOnlySpan<byte> input, CborHead head, int next, Utf8JsonWriter writer)
    {
        if (!head.IsIndefinite)
        {
            writer.WriteStringValue(input.Slice(next, (int)head.Argument));
            return next + (int)head.Argument;
        }

        // Every chunk is valid UTF-8 on its own, so chunk boundaries never split a character.
        while (input[next] != CborHead.Break)
        {
            var chunk = CborHead.ReadValidated(input, next);
            next += chunk.Length;
            writer.WriteStringValueSegment(input.Slice(next, (int)chunk.Argument), isFinalSegment: false);
            next += (int)chunk.Argument;
        }

        writer.WriteStringValueSegment(ReadOnlySpan<byte>.Empty, isFinalSegment: true);
        return next + 1;
    }

    private static int WriteBytes(ReadOnlySpan<byte> input, CborHead head, int next, Utf8JsonWriter writer)
    {
        var bytes = new CborScratch();
        try
        {
            next = CborStrings.Concatenate(input, head, next, ref bytes);
            var encoded = new CborScratch();
            try
            {
                var length = Base64Url.GetEncodedLength(bytes.Length);
                Base64Url.EncodeToUtf8(bytes.WrittenSpan, encoded.GetSpan(length));
                encoded.Advance(length);
                writer.WriteStringValue(encoded.WrittenSpan);
            }
            finally
            {
                encoded.Dispose();
            }

            return next;
        }
        finally
        {
            bytes.Dispose();
        }
    }

    private static int WritePropertyName(ReadOnlySpan<byte> input, int offset, Utf8JsonWriter writer)
    {
        var head = CborHead.ReadValidated(input, offset);
        var next = offset + head.Length;
        if (head.Major == CborMajorType.Tag)
        {
            // Dropping the tag could make this key equal to another one; JSON names must stay unique.
            throw new CborException(offset, $"map key {CborDiagnostic.Preview(input, offset)} is tagged, so the map has no JSON form");
        }

        if (head.Major != CborMajorType.TextString)
        {
            throw new CborException(offset, $"map key {CborDiagnostic.Preview(input, offset)} is not a text string, so the map has no JSON form");
        }

        if (!head.IsIndefinite)
        {
            writer.WritePropertyName(input.Slice(next, (int)head.Argument));
            return next + (int)head.Argument;
        }

        var name = new CborScratch();
        try
        {
            next = CborStrings.Concatenate(input, head, next, ref name);
            writer.WritePropertyName(name.WrittenSpan);
            return next;
        }
        finally
        {
            name.Dispose();
        }
    }
}
