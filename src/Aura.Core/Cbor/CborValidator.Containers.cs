namespace Aura.Core.Cbor;

internal ref partial struct CborValidator
{
    private int ReadArray(int offset, ulong count, int next, int depth)
    {
        // Every item takes at least one byte, so a count the limit cannot hold is refused at once.
        if (count > (ulong)(_limit - next))
        {
            throw new CborException(offset, $"an array of {count} items does not fit the limit of {_limit} bytes on a data item");
        }

        for (var i = 0UL; i < count && next != NeedMoreInput; i++)
        {
            next = ReadItem(next, depth);
        }

        return next;
    }

    private int ReadIndefiniteArray(int next, int depth)
    {
        while (next != NeedMoreInput)
        {
            if (!TryPeek(next, out var initial))
            {
                return NeedMore();
            }

            if (initial == CborHead.Break)
            {
                return next + 1;
            }

            next = ReadItem(next, depth);
        }

        return NeedMoreInput;
    }

    private int ReadMap(int offset, CborHead head, int next, int depth)
    {
        if (!head.IsIndefinite && head.Argument > (ulong)(_limit - next) / 2)
        {
            throw new CborException(offset, $"a map of {head.Argument} entries does not fit the limit of {_limit} bytes on a data item");
        }

        var trackKeys = head.IsIndefinite || head.Argument > 1;
        var mapStart = _keys.Count;
        for (var i = 0UL; head.IsIndefinite || i < head.Argument; i++)
        {
            if (head.IsIndefinite)
            {
                if (!TryPeek(next, out var initial))
                {
                    return NeedMore();
                }

                if (initial == CborHead.Break)
                {
                    next++;
                    break;
                }
            }

            var keyOffset = next;
            next = ReadItem(next, depth);
            if (next == NeedMoreInput)
            {
                return NeedMoreInput;
            }

            if (trackKeys && !_keys.TryAdd(_input, keyOffset, mapStart))
            {
                throw new CborException(keyOffset, $"duplicate map key {CborDiagnostic.Preview(_input, keyOffset)} in the map at offset {offset}");
            }

            if (head.IsIndefinite && TryPeek(next, out var afterKey) && afterKey == CborHead.Break)
            {
                throw new CborException(next, $"the indefinite-length map at offset {offset} ends after a key, without its value");
            }

            next = ReadItem(next, depth);
            if (next == NeedMoreInput)
            {
                return NeedMoreInput;
            }
        }

        if (trackKeys)
        {
            _keys.Truncate(mapStart);
        }

        return next;
    }
}
