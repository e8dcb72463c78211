using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>Walks what <see cref="SectionWriter"/> wrote: each (series id, section bytes) in order.</summary>
internal ref struct SectionReader
{
    private ByteReader _directory;
    private readonly ReadOnlySpan<byte> _sections;
    private readonly int _count;
    private int _index;
    private int _offset;

    /// <summary>Reads the directory at the reader's position and moves the reader past all sections.</summary>
    public SectionReader(scoped ref ByteReader reader)
    {
        _count = reader.ReadLength();
        var directoryStart = reader.Remaining;
        var total = 0;
        for (var i = 0; i < _count; i++)
        {
            reader.ReadVarUInt();
            total += reader.ReadLength();
        }

        _directory = new ByteReader(directoryStart);
        _sections = reader.ReadBytes(total);
    }

    /// <summary>Adds the series ids of a row's directory; false when <paramref name="prefix"/> ends inside the directory.</summary>
    public static bool TryReadIds(ReadOnlySpan<byte> prefix, HashSet<int> ids)
    {
        try
        {
            var reader = new ByteReader(prefix);
            var count = reader.ReadLength();
            for (var i = 0; i < count; i++)
            {
                ids.Add((int)reader.ReadVarUInt());
                reader.ReadVarUInt();
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public int Id { get; private set; }

    public ReadOnlySpan<byte> Section { get; private set; }

    public bool MoveNext()
    {
        if (_index == _count)
        {
            return false;
        }

        _index++;
        Id = (int)_directory.ReadVarUInt();
        var length = _directory.ReadLength();
        Section = _sections.Slice(_offset, length);
        _offset += length;
        return true;
    }

    /// <summary>The section of one series, or false when the row has none for it.</summary>
    public bool TryFind(int id, out ReadOnlySpan<byte> section)
    {
        while (MoveNext())
        {
            if (Id == id)
            {
                section = Section;
                return true;
            }
        }

        section = default;
        return false;
    }
}
