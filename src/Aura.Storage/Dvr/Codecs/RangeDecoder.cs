namespace Aura.Storage.Dvr.Codecs;

/// <summary>Decodes what <see cref="RangeEncoder"/> wrote. Reading past the end yields zero bytes; callers know their counts.</summary>
internal ref struct RangeDecoder
{
    private const uint Top = 1 << 24;
    private const int MoveBits = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private uint _range;
    private uint _code;

    public RangeDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
        _range = uint.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            _code = (_code << 8) | NextByte();
        }
    }

    public int DecodeBit(ref ushort probability)
    {
        var bound = (_range >> RangeEncoder.ProbabilityBits) * probability;
        int bit;
        if (_code < bound)
        {
            _range = bound;
            probability += (ushort)(((1 << RangeEncoder.ProbabilityBits) - probability) >> MoveBits);
            bit = 0;
        }
        else
        {
            _range -= bound;
            _code -= bound;
            probability -= (ushort)(probability >> MoveBits);
            bit = 1;
        }

        while (_range < Top)
        {
            _range <<= 8;
            _code = (_code << 8) | NextByte();
        }

        return bit;
    }

    public uint DecodeDirect(int count)
    {
        uint result = 0;
        for (var i = count; i > 0; i--)
        {
            _range >>= 1;
            var t = (_code - _range) >> 31;
            _code -= _range & (t - 1);
            result = (result << 1) | (1 - t);
            while (_range < Top)
            {
                _range <<= 8;
                _code = (_code << 8) | NextByte();
            }
        }

        return result;
    }

    private uint NextByte() => _position < _data.Length ? _data[_position++] : 0u;
}
