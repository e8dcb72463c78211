using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// Encodes the ticks appended since the last flush as one <c>head</c> row: tick times as varint deltas, a section
/// per series (the value it continues from, then its stream bytes since the last flush), then the ticks' process
/// records. Cheap to write every few seconds; the block is rebuilt from its head rows and re-encoded compactly when it
/// seals. Writing a batch empties the block's streams: from then on the head table holds those bytes.
/// </summary>
internal sealed class HeadBatchWriter : IDisposable
{
    private readonly SectionWriter _sections = new();

    /// <summary>Writes the ticks after <see cref="OpenBlock.FlushedTicks"/>, marks them flushed (emptying the block's streams), and returns how many samples they hold.</summary>
    public int Write(OpenBlock block, ByteWriter output)
    {
        var times = block.Times;
        var from = block.FlushedTicks;
        output.WriteVarUInt((ulong)(times.Length - from));
        output.WriteVarInt(times[from]);
        for (var i = from + 1; i < times.Length; i++)
        {
            output.WriteVarUInt((ulong)(times[i] - times[i - 1]));
        }

        var samples = 0;
        foreach (var slot in block.ActiveSlots)
        {
            var column = block.ColumnOf(slot);
            if (column.Present > column.FlushedPresent)
            {
                var section = _sections.BeginSection(column.SeriesId);
                section.WriteVarInt(column.FlushedValue);
                section.WriteBytes(column.Stream.WrittenSpan);
                _sections.EndSection();
                samples += column.Present - column.FlushedPresent;
            }

            column.MarkFlushed();
        }

        _sections.CopyTo(output);
        output.WriteVarUInt((ulong)block.Processes.Length);
        output.WriteBytes(block.Processes.WrittenSpan);
        block.FlushedTicks = times.Length;
        block.Processes.Clear();
        return samples;
    }

    public void Dispose() => _sections.Dispose();
}
