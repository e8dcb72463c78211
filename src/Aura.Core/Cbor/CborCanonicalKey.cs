namespace Aura.Core.Cbor;

/// <summary>
/// Re-encodes a validated map key in preferred serialization so that keys equal in the data model compare
/// equal byte for byte: <c>1</c> and <c>0x18 0x01</c>, <c>"ab"</c> and <c>(_ "a", "b")</c>, 1.5 as half and
/// as double. Indefinite-length arrays and maps inside a key stay indefinite, and a map inside a key keeps
/// its entry order, so such composite keys compare by that shape too.
/// </summary>
internal static class CborCanonicalKey
{
    /// <summary>Appends the canonical form of the item at <paramref name="offset"/>; returns the item's end.</summary>
    public static int Write(ReadOnlySpan<byte> input, int offset, ref CborScratch output)
    {
        var head = CborHead.ReadValidated(input, offset);
        var next = offset + head.Length;
        switch (head.Major)
        {
            case CborMajorType.ByteString or CborMajorType.TextString:
                return WriteString(input, head, next, ref output);
            case CborMajorType.Array or CborMajorType.Map when head.IsIndefinite:
                output.Write(input.Slice(offset, 1));
                while (input[next] != CborHead.Break)
                {
                    next = Write(input, next, ref output);
                }

                output.Write(input.Slice(next, 1));
                return next + 1;
            case CborMajorType.Array or CborMajorType.Map:
                WriteHead(ref output, head.Major, head.Argument);
                var items = head.Major == CborMajorType.Map ? head.Argument * 2 : head.Argument;
                for (ulong i = 0; i < items; i++)
                {
                    next = Write(input, next, ref output);
                }

                return next;
            case CborMajorType.Tag:
                WriteHead(ref output, head.Major, head.Argument);
                return Write(input, next, ref output);
            case CborMajorType.SimpleOrFloat when head.IsFloat:
                output.Advance(CborEncoding.WriteDouble(output.GetSpan(CborEncoding.MaxHeadLength), head.ToDouble()));
                return next;
            default:
                // Integers and simple values: the shortest head carries the same value.
                WriteHead(ref output, head.Major, head.Argument);
                return next;
        }
    }

    private static int WriteString(ReadOnlySpan<byte> input, CborHead head, int next, ref CborScratch output)
    {
        if (!head.IsIndefinite)
        {
            WriteHead(ref output, head.Major, head.Argument);
            output.Write(input.Slice(next, (int)head.Argument));
            return next + (int)head.Argument;
        }

        var total = 0UL;
        var position = next;
        while (input[position] != CborHead.Break)
        {
            var chunk = CborHead.ReadValidated(input, position);
            total += chunk.Argument;
            position += chunk.Length + (int)chunk.Argument;
        }

        WriteHead(ref output, head.Major, total);
        while (input[next] != CborHead.Break)
        {
            var chunk = CborHead.ReadValidated(input, next);
            output.Write(input.Slice(next + chunk.Length, (int)chunk.Argument));
            next += chunk.Length + (int)chunk.Argument;
        }

        return next + 1;
    }

    private static void WriteHead(ref CborScratch output, CborMajorType major, ulong argument)
    {
        output.Advance(CborEncoding.WriteHead(output.GetSpan(CborEncoding.MaxHeadLength), major, argument));
    }
}
