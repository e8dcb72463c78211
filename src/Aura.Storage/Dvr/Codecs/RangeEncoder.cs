namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// A binary adaptive range coder (the LZMA one): each bit costs about -log2(p) of its modelled probability,
/// so a series that rarely changes costs a few hundredths of a bit per sample. Probabilities are 11-bit.
/// Two bytes of the classic stream are never written: the first (always zero) and, by ending on a value whose
/// low bytes are zero, the tail the decoder reads as zero padding anyway.
/// </summary>
internal sealed class RangeEncoder
{
    public const int ProbabilityBits = 11;
    public const ushort InitialProbability = 1 << (ProbabilityBits - 1);
    private const uint Top = 1 << 24;
    /// <summary>Adaptation speed: each bit moves its probability 1/16 of the way. Faster than LZMA's 1/32, which
    /// measured 3 % smaller on a recorded trace: a chunk is short and its statistics drift.</summary>
    public const int MoveBits = 4;

    private ByteWriter? _output;
    private ulong _low;
    private uint _range;
    private byte _cache;
    private long _cacheSize;
    private bool _first;
    private int _start;

    public void Start(ByteWriter output)
    {
        _output = output;
        _low = 0;
        _range = uint.MaxValue;
        _cache = 0;
        _cacheSize = 1;
        _first = true;
        _start = output.Length;
    }

    public void EncodeBit(ref ushort probability, int bit)
    {
        var bound = (_range >> ProbabilityBits) * probability;
        if (bit == 0)
        {
            _range = bound;
            probability += (ushort)(((1 << ProbabilityBits) - probability) >> MoveBits);
        }
        else
        {
            _low += bound;
            _range -= bound;
            probability -= (ushort)(probability >> MoveBits);
        }

        while (_range < Top)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Writes the low <paramref name="count"/> bits (at most 32) of <paramref name="value"/> at even odds.</summary>
    public void EncodeDirect(uint value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            _range >>= 1;
            if (((value >> i) & 1) != 0)
            {
                _low += _range;
            }

            while (_range < Top)
            {
                _range <<= 8;
                ShiftLow();
            }
        }
    }

    /// <summary>Ends the stream: any value in [low, low + range) decodes the same, and range ≥ 2^24 holds one ending in three zero bytes.</summary>
    public void Finish()
    {
        _low = (_low + 0xFFFFFF) & ~0xFFFFFFUL;
        ShiftLow();
        ShiftLow();
        var output = _output!;
        var length = output.Length;
        while (length > _start && output.WrittenSpan[length - 1] == 0)
        {
            length--;
        }

        output.Truncate(length);
        _output = null;
    }

    private void ShiftLow()
    {
        if ((uint)_low < 0xFF000000u || (uint)(_low >> 32) == 1)
        {
            var carry = (byte)(_low >> 32);
            var temp = _cache;
            do
            {
                if (_first)
                {
                    // The first byte is the initial cache, and the whole stream's value is below one in its place.
                    _first = false;
                }
                else
                {
                    _output!.WriteByte((byte)(temp + carry));
                }

                temp = 0xFF;
            }
            while (--_cacheSize != 0);

            _cache = (byte)((uint)_low >> 24);
        }

        _cacheSize++;
        _low = (uint)_low << 8;
    }
}
