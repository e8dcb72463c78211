namespace Aura.Core.Cbor;

/// <summary>
/// Walks one data item and checks that it is well-formed and valid (RFC 8949 §5.3) within the configured
/// limits, without building anything. Arguments need not be in their shortest form (RFC 8949 §4.2.2 is
/// for encoders; this decoder is lenient there). Tag contents are checked as data items, not against
/// what each tag means.
/// </summary>
internal ref partial struct CborValidator
{
    /// <summary>Returned up the recursion when the input ends before the item does.</summary>
    private const int NeedMoreInput = -1;

    private readonly ReadOnlySpan<byte> _input;
    private readonly bool _isFinal;
    private readonly int _maxDepth;
    private readonly int _limit;
    private CborKeySet _keys;

    private CborValidator(ReadOnlySpan<byte> input, bool isFinal, CborDecoderOptions options)
    {
        _input = input;
        _isFinal = isFinal;
        _maxDepth = options.MaxDepth;
        _limit = options.MaxItemLength;
    }

    /// <summary>
    /// The length of the data item at the start of <paramref name="input"/>, or -1 when more input could
    /// complete it; with <paramref name="isFinal"/> no more input will come and a short item is an error.
    /// </summary>
    /// <exception cref="CborException">The item is malformed, invalid or over a limit.</exception>
    public static int Read(ReadOnlySpan<byte> input, bool isFinal, CborDecoderOptions options)
    {
        var validator = new CborValidator(input, isFinal, options);
        try
        {
            return validator.ReadItem(0, 0);
        }
        finally
        {
            validator._keys.Dispose();
        }
    }

    private static string Describe(CborMajorType major) => major switch
    {
        CborMajorType.UnsignedInteger => "an unsigned integer",
        CborMajorType.NegativeInteger => "a negative integer",
        CborMajorType.ByteString => "a byte string",
        CborMajorType.TextString => "a text string",
        CborMajorType.Array => "an array",
        CborMajorType.Map => "a map",
        CborMajorType.Tag => "a tag",
        _ => "a simple value or float",
    };

    /// <summary>Reads the item at <paramref name="offset"/>, enclosed by <paramref name="depth"/> arrays, maps and tags.</summary>
    private int ReadItem(int offset, int depth)
    {
        if (!TryReadHead(offset, out var head))
        {
            return NeedMore();
        }

        var next = offset + head.Length;
        switch (head.Major)
        {
            case CborMajorType.UnsignedInteger or CborMajorType.NegativeInteger or CborMajorType.Tag
                when head.IsIndefinite:
                throw new CborException(offset, $"{Describe(head.Major)} cannot have an indefinite length (additional information 31)");
            case CborMajorType.UnsignedInteger or CborMajorType.NegativeInteger:
                return next;
            case CborMajorType.ByteString or CborMajorType.TextString:
                return head.IsIndefinite ? ReadChunks(offset, head.Major, next) : ReadString(offset, head, next);
            case CborMajorType.Array:
                EnterLevel(offset, depth);
                return head.IsIndefinite ? ReadIndefiniteArray(next, depth + 1) : ReadArray(offset, head.Argument, next, depth + 1);
            case CborMajorType.Map:
                EnterLevel(offset, depth);
                return ReadMap(offset, head, next, depth + 1);
            case CborMajorType.Tag:
                EnterLevel(offset, depth);
                return ReadItem(next, depth + 1);
            default:
                return ReadSimple(offset, head, next);
        }
    }

    private static int ReadSimple(int offset, CborHead head, int next)
    {
        if (head.AdditionalInfo == CborHead.IndefiniteLength)
        {
            throw new CborException(offset, "unexpected break (0xff): a break may only end an indefinite-length string, array or map");
        }

        if (head.AdditionalInfo == 24 && head.Argument < 32)
        {
            throw new CborException(offset, $"simple value {head.Argument} encoded in two bytes (0xf8 0x{head.Argument:x2}) is not well-formed");
        }

        return next;
    }

    private readonly void EnterLevel(int offset, int depth)
    {
        if (depth >= _maxDepth)
        {
            throw new CborException(offset, $"nesting deeper than {_maxDepth} levels of arrays, maps and tags");
        }
    }

    /// <summary>Reads a head after checking that it starts within the size limit.</summary>
    private readonly bool TryReadHead(int offset, out CborHead head)
    {
        EnsureWithinLimit(offset);
        if (!CborHead.TryRead(_input, offset, out head))
        {
            return false;
        }

        EnsureWithinLimit(offset + head.Length - 1);
        return true;
    }

    /// <summary>Peeks at a byte after checking that it lies within the size limit.</summary>
    private readonly bool TryPeek(int offset, out byte value)
    {
        EnsureWithinLimit(offset);
        value = offset < _input.Length ? _input[offset] : default;
        return offset < _input.Length;
    }

    private readonly void EnsureWithinLimit(int offset)
    {
        if (offset >= _limit)
        {
            throw new CborException(offset, $"the data item is longer than the limit of {_limit} bytes");
        }
    }

    private readonly int NeedMore()
    {
        return _isFinal
            ? throw new CborException(_input.Length, "unexpected end of input: the data item is incomplete")
            : NeedMoreInput;
    }
}
