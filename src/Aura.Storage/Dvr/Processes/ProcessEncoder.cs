using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Processes;

/// <summary>
/// Writes each tick's top-k processes as deltas against the previous tick of the same block: a process seen last
/// tick (same pid and start time, so a reused pid is a new process) costs its old index, a flags byte and the
/// fields that changed. A new process is written in full with its name and user interned.
/// </summary>
internal sealed class ProcessEncoder(StringTable strings)
{
    private ProcessEntry[] _previous = new ProcessEntry[32];
    private ProcessEntry[] _current = new ProcessEntry[32];
    private string?[] _previousNames = new string?[32];
    private string?[] _currentNames = new string?[32];
    private string?[] _previousUsers = new string?[32];
    private string?[] _currentUsers = new string?[32];
    private int _previousCount;

    /// <summary>Starts a new block: the next tick is written in full.</summary>
    public void Reset() => _previousCount = 0;

    public void Append(ImmutableArray<ProcessSample> processes, int limit, ByteWriter output)
    {
        var count = processes.IsDefault ? 0 : Math.Min(processes.Length, limit);
        EnsureCapacity(count);
        output.WriteVarUInt((ulong)count);
        for (var i = 0; i < count; i++)
        {
            var sample = processes[i];
            var previous = FindPrevious(sample, i);
            ref var entry = ref _current[i];
            entry = new ProcessEntry
            {
                Pid = sample.Pid,
                StartTimeTicks = sample.StartTimeTicks,
                State = sample.State is > (char)0 and < (char)128 ? (byte)sample.State : (byte)'?',
                Cpu = sample.CpuPercent is { } cpu && double.IsFinite(cpu) ? (long)Math.Round(cpu * ProcessPrecision.CpuUnitsPerPercent) : ProcessEntry.NoCpu,
                RssKib = Math.Max(0, (sample.RssBytes + (ProcessPrecision.RssBytes / 2)) / ProcessPrecision.RssBytes),
                Memory = double.IsFinite(sample.MemoryPercent) ? (long)Math.Round(sample.MemoryPercent * ProcessPrecision.MemoryUnitsPerPercent) : 0,
                Threads = sample.Threads,
            };
            var name = sample.Name ?? string.Empty;
            var user = sample.User ?? string.Empty;
            entry.Name = previous >= 0 && string.Equals(_previousNames[previous], name, StringComparison.Ordinal) ? _previous[previous].Name : strings.Intern(name);
            entry.User = previous >= 0 && string.Equals(_previousUsers[previous], user, StringComparison.Ordinal) ? _previous[previous].User : strings.Intern(user);
            _currentNames[i] = name;
            _currentUsers[i] = user;
            if (previous < 0)
            {
                WriteNew(entry, output);
            }
            else
            {
                WriteChanges(previous, entry, _previous[previous], output);
            }
        }

        (_previous, _current) = (_current, _previous);
        (_previousNames, _currentNames) = (_currentNames, _previousNames);
        (_previousUsers, _currentUsers) = (_currentUsers, _previousUsers);
        _previousCount = count;
    }

    private static void WriteNew(in ProcessEntry entry, ByteWriter output)
    {
        output.WriteVarUInt(0);
        output.WriteVarUInt((uint)entry.Pid);
        output.WriteVarInt(entry.StartTimeTicks);
        output.WriteVarUInt((uint)entry.Name);
        output.WriteVarUInt((uint)entry.User);
        output.WriteByte(entry.State);
        WriteCpu(entry.Cpu, 0, output);
        output.WriteVarInt(entry.RssKib);
        output.WriteVarInt(entry.Memory);
        output.WriteVarInt(entry.Threads);
    }

    private static void WriteChanges(int previous, in ProcessEntry entry, in ProcessEntry before, ByteWriter output)
    {
        var flags = (entry.State != before.State ? ProcessFlags.State : 0)
            | (entry.Name != before.Name ? ProcessFlags.Name : 0)
            | (entry.User != before.User ? ProcessFlags.User : 0)
            | (entry.Threads != before.Threads ? ProcessFlags.Threads : 0)
            | (entry.RssKib != before.RssKib ? ProcessFlags.Rss : 0)
            | (entry.Memory != before.Memory ? ProcessFlags.Memory : 0)
            | (entry.Cpu != before.Cpu ? ProcessFlags.Cpu : 0);
        output.WriteVarUInt((uint)previous + 1);
        output.WriteByte((byte)flags);
        if ((flags & ProcessFlags.State) != 0)
        {
            output.WriteByte(entry.State);
        }

        if ((flags & ProcessFlags.Name) != 0)
        {
            output.WriteVarUInt((uint)entry.Name);
        }

        if ((flags & ProcessFlags.User) != 0)
        {
            output.WriteVarUInt((uint)entry.User);
        }

        if ((flags & ProcessFlags.Threads) != 0)
        {
            output.WriteVarInt(entry.Threads - before.Threads);
        }

        if ((flags & ProcessFlags.Rss) != 0)
        {
            output.WriteVarInt(entry.RssKib - before.RssKib);
        }

        if ((flags & ProcessFlags.Memory) != 0)
        {
            output.WriteVarInt(entry.Memory - before.Memory);
        }

        if ((flags & ProcessFlags.Cpu) != 0)
        {
            WriteCpu(entry.Cpu, before.Cpu == ProcessEntry.NoCpu ? 0 : before.Cpu, output);
        }
    }

    /// <summary>0 for no reading, else the zig-zagged change from <paramref name="reference"/> plus one.</summary>
    private static void WriteCpu(long cpu, long reference, ByteWriter output) =>
        output.WriteVarUInt(cpu == ProcessEntry.NoCpu ? 0 : VarInt.ZigZag(cpu - reference) + 1);

    private int FindPrevious(in ProcessSample sample, int hint)
    {
        if (hint < _previousCount && _previous[hint].Pid == sample.Pid && _previous[hint].StartTimeTicks == sample.StartTimeTicks)
        {
            return hint;
        }

        for (var i = 0; i < _previousCount; i++)
        {
            if (_previous[i].Pid == sample.Pid && _previous[i].StartTimeTicks == sample.StartTimeTicks)
            {
                return i;
            }
        }

        return -1;
    }

    private void EnsureCapacity(int count)
    {
        if (_current.Length >= count)
        {
            return;
        }

        Array.Resize(ref _current, count);
        Array.Resize(ref _previous, count);
        Array.Resize(ref _currentNames, count);
        Array.Resize(ref _previousNames, count);
        Array.Resize(ref _currentUsers, count);
        Array.Resize(ref _previousUsers, count);
    }
}
