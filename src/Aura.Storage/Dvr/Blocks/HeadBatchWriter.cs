using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// Encodes the ticks appended since the last flush as one <c>head</c> row: tick times as varint deltas, a section
/// per series (0 for no value, else the zig-zagged change plus one), then the ticks' process records. Cheap to
/// write every few seconds; the block is re-encoded compactly when it seals.
/// </summary>
internal sealed class HeadBatchWriter : IDisposable
{
    private readonly SectionWriter _sections = new();

    /// <summary>Writes ticks [from, block.TickCount) and returns how many samples they hold.</summary>
    public int Write(OpenBlock block, int from, ByteWriter output)
    {
        var times = block.Times;
        var to = times.Length;
        output.WriteVarUInt((ulong)(to - from));
        output.WriteVarInt(times[from]);
        for (var i = from + 1; i < to; i++)
        {
            output.WriteVarUInt((ulong)(times[i] - times[i - 1]));
        }

        var samples = 0;
        foreach (var slot in block.ActiveSlots)
        {
            var values = block.ValuesOf(slot)[from..to];
            if (values.IndexOfAnyExcept(Column.Absent) < 0)
            {
                continue;
            }

            var section = _sections.BeginSection(block.ColumnOf(slot).SeriesId);
            long previous = 0;
            foreach (var value in values)
            {
                if (value == Column.Absent)
                {
                    section.WriteByte(0);
                    continue;
                }

                section.WriteVarUInt(VarInt.ZigZag(value - previous) + 1);
                previous = value;
                samples++;
            }

            _sections.EndSection();
        }

        _sections.CopyTo(output);
        var processes = block.Processes.WrittenSpan[block.FlushedProcessBytes..];
        output.WriteVarUInt((ulong)processes.Length);
        output.WriteBytes(processes);
        return samples;
    }

    public void Dispose() => _sections.Dispose();
}
