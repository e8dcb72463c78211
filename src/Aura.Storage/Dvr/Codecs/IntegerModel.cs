using System.Numerics;

namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// Adaptive probabilities for unsigned (zig-zagged) integers: a "zero?" flag, then the bit length (1..64) through
/// a 6-level bit tree, then the two bits under the leading one modelled and the rest sent at even odds.
/// The previous value's length picks one of four contexts, so quiet and busy stretches learn separate odds.
/// </summary>
internal sealed class IntegerModel
{
    private const int Contexts = 4;
    private const int ModelledMantissaBits = 2;
    private const int ZeroBase = 0;
    private const int LengthBase = ZeroBase + Contexts;
    private const int MantissaBase = LengthBase + (Contexts * 64);
    private const int Size = MantissaBase + (65 * 4);

    private readonly ushort[] _probabilities = new ushort[Size];
    private int _context;

    public void Reset()
    {
        Array.Fill(_probabilities, RangeEncoder.InitialProbability);
        _context = 0;
    }

    public void Encode(RangeEncoder encoder, ulong value)
    {
        var p = _probabilities;
        if (value == 0)
        {
            encoder.EncodeBit(ref p[ZeroBase + _context], 1);
            _context = 0;
            return;
        }

        encoder.EncodeBit(ref p[ZeroBase + _context], 0);
        var length = 64 - BitOperations.LeadingZeroCount(value);
        var node = 1;
        var lengthBase = LengthBase + (_context * 64);
        for (var i = 5; i >= 0; i--)
        {
            var bit = ((length - 1) >> i) & 1;
            encoder.EncodeBit(ref p[lengthBase + node], bit);
            node = (node << 1) | bit;
        }

        var rest = length - 1;
        var modelled = Math.Min(ModelledMantissaBits, rest);
        node = 1;
        for (var i = 0; i < modelled; i++)
        {
            rest--;
            var bit = (int)((value >> rest) & 1);
            encoder.EncodeBit(ref p[MantissaBase + (length * 4) + node], bit);
            node = (node << 1) | bit;
        }

        if (rest > 32)
        {
            encoder.EncodeDirect((uint)(value >> 32), rest - 32);
            rest = 32;
        }

        if (rest > 0)
        {
            encoder.EncodeDirect((uint)value, rest);
        }

        _context = ContextOf(length);
    }

    public ulong Decode(ref RangeDecoder decoder)
    {
        var p = _probabilities;
        if (decoder.DecodeBit(ref p[ZeroBase + _context]) == 1)
        {
            _context = 0;
            return 0;
        }

        var node = 1;
        var lengthBase = LengthBase + (_context * 64);
        for (var i = 0; i < 6; i++)
        {
            node = (node << 1) | decoder.DecodeBit(ref p[lengthBase + node]);
        }

        var length = node - 64 + 1;
        ulong value = 1;
        var rest = length - 1;
        var modelled = Math.Min(ModelledMantissaBits, rest);
        node = 1;
        for (var i = 0; i < modelled; i++)
        {
            var bit = decoder.DecodeBit(ref p[MantissaBase + (length * 4) + node]);
            node = (node << 1) | bit;
            value = (value << 1) | (uint)bit;
            rest--;
        }

        if (rest > 32)
        {
            value = (value << (rest - 32)) | decoder.DecodeDirect(rest - 32);
            rest = 32;
        }

        if (rest > 0)
        {
            value = (value << rest) | decoder.DecodeDirect(rest);
        }

        _context = ContextOf(length);
        return value;
    }

    private static int ContextOf(int length) => length switch
    {
        <= 3 => 1,
        <= 7 => 2,
        _ => 3,
    };
}
