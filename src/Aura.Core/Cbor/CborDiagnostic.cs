using System.Globalization;
using System.Text;

namespace Aura.Core.Cbor;

/// <summary>
/// Renders CBOR in the diagnostic notation of RFC 8949 §8 (<c>[_ 1, h'0102', {"a": 1.5}]</c>), for
/// error messages and logs. Not a hot path: it builds strings freely.
/// </summary>
internal static partial class CborDiagnostic
{
    private const int PreviewLength = 40;

    /// <summary>Validates that <paramref name="input"/> holds exactly one data item and renders it.</summary>
    /// <exception cref="CborException">The input is not exactly one valid data item.</exception>
    public static string Format(ReadOnlySpan<byte> input, CborDecoderOptions? options = null)
    {
        CborDecoder.Validate(input, options);
        var builder = new StringBuilder();
        Append(input, 0, builder);
        return builder.ToString();
    }

    /// <summary>Renders the validated item at <paramref name="offset"/>, cut to a readable length.</summary>
    public static string Preview(ReadOnlySpan<byte> input, int offset)
    {
        var builder = new StringBuilder();
        Append(input, offset, builder);
        return builder.Length <= PreviewLength ? builder.ToString() : string.Concat(builder.ToString(0, PreviewLength), "...");
    }

    private static int Append(ReadOnlySpan<byte> input, int offset, StringBuilder builder)
    {
        var head = CborHead.ReadValidated(input, offset);
        var next = offset + head.Length;
        switch (head.Major)
        {
            case CborMajorType.UnsignedInteger:
                builder.Append(CultureInfo.InvariantCulture, $"{head.Argument}");
                return next;
            case CborMajorType.NegativeInteger:
                builder.Append(CultureInfo.InvariantCulture, $"{-1 - (Int128)head.Argument}");
                return next;
            case CborMajorType.ByteString or CborMajorType.TextString:
                return AppendString(input, head, next, builder);
            case CborMajorType.Array or CborMajorType.Map:
                return AppendContainer(input, head, next, builder);
            case CborMajorType.Tag:
                builder.Append(CultureInfo.InvariantCulture, $"{head.Argument}(");
                next = Append(input, next, builder);
                builder.Append(')');
                return next;
            default:
                builder.Append(SimpleOrFloat(head));
                return next;
        }
    }

    private static int AppendContainer(ReadOnlySpan<byte> input, CborHead head, int next, StringBuilder builder)
    {
        var isMap = head.Major == CborMajorType.Map;
        builder.Append(isMap ? '{' : '[');
        if (head.IsIndefinite)
        {
            builder.Append("_ ");
        }

        for (var i = 0UL; head.IsIndefinite ? input[next] != CborHead.Break : i < head.Argument; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            next = Append(input, next, builder);
            if (isMap)
            {
                builder.Append(": ");
                next = Append(input, next, builder);
            }
        }

        builder.Append(isMap ? '}' : ']');
        return head.IsIndefinite ? next + 1 : next;
    }

    private static int AppendString(ReadOnlySpan<byte> input, CborHead head, int next, StringBuilder builder)
    {
        if (!head.IsIndefinite)
        {
            AppendChunk(input.Slice(next, (int)head.Argument), head.Major, builder);
            return next + (int)head.Argument;
        }

        builder.Append("(_ ");
        for (var first = true; input[next] != CborHead.Break; first = false)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            var chunk = CborHead.ReadValidated(input, next);
            next += chunk.Length;
            AppendChunk(input.Slice(next, (int)chunk.Argument), chunk.Major, builder);
            next += (int)chunk.Argument;
        }

        builder.Append(')');
        return next + 1;
    }

    private static void AppendChunk(ReadOnlySpan<byte> bytes, CborMajorType major, StringBuilder builder)
    {
        if (major == CborMajorType.ByteString)
        {
            builder.Append("h'").Append(Convert.ToHexStringLower(bytes)).Append('\'');
            return;
        }

        builder.Append('"');
        foreach (var c in Encoding.UTF8.GetString(bytes))
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }
}
