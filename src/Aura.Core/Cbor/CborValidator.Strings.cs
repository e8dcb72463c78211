using System.Text;
using System.Text.Unicode;

namespace Aura.Core.Cbor;

internal ref partial struct CborValidator
{
    private static string Name(CborMajorType major) => major == CborMajorType.TextString ? "text string" : "byte string";

    private readonly int ReadString(int offset, CborHead head, int next)
    {
        var name = Name(head.Major);
        if (head.Argument > (ulong)(_limit - next))
        {
            throw new CborException(offset, $"{name} of {head.Argument} bytes does not fit the limit of {_limit} bytes on a data item");
        }

        var length = (int)head.Argument;
        var remaining = _input.Length - next;
        if (remaining < length)
        {
            return _isFinal
                ? throw new CborException(offset, $"{name} of {length} bytes runs past the end of the input, which holds {remaining} of them")
                : NeedMoreInput;
        }

        if (head.Major == CborMajorType.TextString)
        {
            CheckUtf8(next, length);
        }

        return next + length;
    }

    /// <summary>Reads the chunks of an indefinite-length string: definite strings of its own type, then a break.</summary>
    private readonly int ReadChunks(int offset, CborMajorType major, int next)
    {
        while (true)
        {
            if (!TryPeek(next, out var initial))
            {
                return NeedMore();
            }

            if (initial == CborHead.Break)
            {
                return next + 1;
            }

            if (!TryReadHead(next, out var chunk))
            {
                return NeedMore();
            }

            if (chunk.Major != major || chunk.IsIndefinite)
            {
                var found = chunk.Major == major ? $"an indefinite-length {Name(major)}" : Describe(chunk.Major);
                throw new CborException(next, $"a chunk of the indefinite-length {Name(major)} at offset {offset} must be a definite-length {Name(major)}, not {found}");
            }

            next = ReadString(next, chunk, next + chunk.Length);
            if (next == NeedMoreInput)
            {
                return NeedMoreInput;
            }
        }
    }

    private readonly void CheckUtf8(int start, int length)
    {
        var text = _input.Slice(start, length);
        if (Utf8.IsValid(text))
        {
            return;
        }

        var position = 0;
        while (Rune.DecodeFromUtf8(text[position..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            position += consumed;
        }

        throw new CborException(start + position, "invalid UTF-8 in a text string");
    }
}
