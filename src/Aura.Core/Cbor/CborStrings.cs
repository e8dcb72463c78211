namespace Aura.Core.Cbor;

/// <summary>Reads the content of validated byte and text strings, definite or in chunks.</summary>
internal static class CborStrings
{
    /// <summary>Appends the string's content (all chunks, in order) to <paramref name="output"/>; returns the string's end.</summary>
    public static int Concatenate(ReadOnlySpan<byte> input, CborHead head, int next, ref CborScratch output)
    {
        if (!head.IsIndefinite)
        {
            output.Write(input.Slice(next, (int)head.Argument));
            return next + (int)head.Argument;
        }

        while (input[next] != CborHead.Break)
        {
            var chunk = CborHead.ReadValidated(input, next);
            next += chunk.Length;
            output.Write(input.Slice(next, (int)chunk.Argument));
            next += (int)chunk.Argument;
        }

        return next + 1;
    }
}
