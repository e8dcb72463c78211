using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Processes;

/// <summary>Reads a block's process stream tick by tick, undoing <see cref="ProcessEncoder"/>'s deltas.</summary>
internal sealed class ProcessDecoder
{
    private ProcessEntry[] _previous = new ProcessEntry[32];
    private ProcessEntry[] _current = new ProcessEntry[32];

    public int Count { get; private set; }

    /// <summary>The entries of the tick last read.</summary>
    public ReadOnlySpan<ProcessEntry> Entries => _previous.AsSpan(0, Count);

    public void Reset() => Count = 0;

    public void ReadTick(ref ByteReader reader)
    {
        var count = reader.ReadLength();
        if (_current.Length < count)
        {
            Array.Resize(ref _current, count);
            Array.Resize(ref _previous, count);
        }

        for (var i = 0; i < count; i++)
        {
            var reference = reader.ReadVarUInt();
            _current[i] = reference == 0 ? ReadNew(ref reader) : ReadChanges(ref reader, ref Previous(reference - 1));
        }

        (_previous, _current) = (_current, _previous);
        Count = count;
    }

    private ref ProcessEntry Previous(ulong index)
    {
        if (index >= (ulong)Count)
        {
            throw new InvalidDataException("A process record refers past the previous tick.");
        }

        return ref _previous[(int)index];
    }

    private static ProcessEntry ReadNew(ref ByteReader reader) => new()
    {
        Pid = (int)reader.ReadVarUInt(),
        StartTimeTicks = reader.ReadVarInt(),
        Name = (int)reader.ReadVarUInt(),
        User = (int)reader.ReadVarUInt(),
        State = reader.ReadByte(),
        Cpu = ReadCpu(ref reader, 0),
        RssKib = reader.ReadVarInt(),
        Memory = reader.ReadVarInt(),
        Threads = reader.ReadVarInt(),
    };

    private static ProcessEntry ReadChanges(ref ByteReader reader, ref ProcessEntry before)
    {
        var entry = before;
        var flags = (ProcessFlags)reader.ReadByte();
        if ((flags & ProcessFlags.State) != 0)
        {
            entry.State = reader.ReadByte();
        }

        if ((flags & ProcessFlags.Name) != 0)
        {
            entry.Name = (int)reader.ReadVarUInt();
        }

        if ((flags & ProcessFlags.User) != 0)
        {
            entry.User = (int)reader.ReadVarUInt();
        }

        if ((flags & ProcessFlags.Threads) != 0)
        {
            entry.Threads += reader.ReadVarInt();
        }

        if ((flags & ProcessFlags.Rss) != 0)
        {
            entry.RssKib += reader.ReadVarInt();
        }

        if ((flags & ProcessFlags.Memory) != 0)
        {
            entry.Memory += reader.ReadVarInt();
        }

        if ((flags & ProcessFlags.Cpu) != 0)
        {
            entry.Cpu = ReadCpu(ref reader, before.Cpu == ProcessEntry.NoCpu ? 0 : before.Cpu);
        }

        return entry;
    }

    private static long ReadCpu(ref ByteReader reader, long reference)
    {
        var value = reader.ReadVarUInt();
        return value == 0 ? ProcessEntry.NoCpu : reference + VarInt.UnZigZag(value - 1);
    }
}
