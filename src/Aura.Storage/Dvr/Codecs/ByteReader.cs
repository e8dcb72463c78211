namespace Aura.Storage.Dvr.Codecs;

/// <summary>Reads varints and bytes from a span; a read past the end means the data is corrupt.</summary>
internal ref struct ByteReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    public readonly bool End => _position >= _data.Length;

    public readonly ReadOnlySpan<byte> Remaining => _data[_position..];

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Corrupt();
        }

        return _data[_position++];
    }

    public ulong ReadVarUInt()
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length || shift > 63)
            {
                throw Corrupt();
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
        }
    }

    public long ReadVarInt() => VarInt.UnZigZag(ReadVarUInt());

    public int ReadLength()
    {
        var value = ReadVarUInt();
        if (value > int.MaxValue)
        {
            throw Corrupt();
        }

        return (int)value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            throw Corrupt();
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    public void Skip(int count) => ReadBytes(count);

    private static InvalidDataException Corrupt() => new("DVR data ends early or is corrupt.");
}
