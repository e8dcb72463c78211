namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// A binary adaptive range coder (the LZMA one): each bit costs about -log2(p) of its modelled probability,
/// so a series that rarely changes costs a few hundredths of a bit per sample. Probabilities are 11-bit.
/// </summary>
internal sealed class RangeEncoder
{
    public const int ProbabilityBits = 11;
    public const ushort InitialProbability = 1 << (ProbabilityBits - 1);
    private const uint Top = 1 << 24;
    private const int MoveBits = 5;

    private ByteWriter? _output;
    private ulong _low;
    private uint _range;
    private byte _cache;
    private long _cacheSize;

    public void Start(ByteWriter output)
    {
        _output = output;
        _low = 0;
        _range = uint.MaxValue;
        _cache = 0;
        _cacheSize = 1;
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

    public void Finish()
    {
        for (var i = 0; i < 5; i++)
        {
            ShiftLow();
        }

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
                _output!.WriteByte((byte)(temp + carry));
                temp = 0xFF;
            }
            while (--_cacheSize != 0);

            _cache = (byte)((uint)_low >> 24);
        }

        _cacheSize++;
        _low = (uint)_low << 8;
    }
}
