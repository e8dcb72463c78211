using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Processes;
using Aura.Storage.Dvr.Rollups;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// Encodes a finished block: tick times once for all series, a compressed chunk per series, the block's minute and
/// hour buckets for every series, and the process stream. Runs on the flush thread, never in Append.
/// </summary>
internal sealed class BlockSealer : IDisposable
{
    public const long MinuteMs = 60_000;
    public const long HourMs = 3_600_000;

    private readonly ColumnEncoder _columns = new();
    private readonly RollupCodec _rollups = new();
    private readonly SectionWriter _sections = new();
    private readonly ByteWriter _scratch = new(16 * 1024);
    private readonly List<Bucket> _buckets = [];

    public SealedBlock Seal(OpenBlock block)
    {
        var times = block.Times;
        var chunks = new List<ChunkRow>(block.ActiveSlots.Count);
        foreach (var slot in block.ActiveSlots)
        {
            var values = block.ValuesOf(slot);
            var count = values.Length - values.Count(Column.Absent);
            if (count > 0)
            {
                chunks.Add(new ChunkRow(block.ColumnOf(slot).SeriesId, count, Encode(values)));
            }
        }

        return new SealedBlock(
            times[0],
            times[^1],
            times.Length,
            Encode(times),
            chunks,
            Rollup(block, MinuteMs),
            Rollup(block, HourMs),
            ProcessStreamCodec.Compress(block.Processes.WrittenSpan));
    }

    public void Dispose()
    {
        _rollups.Dispose();
        _sections.Dispose();
        _scratch.Dispose();
    }

    private byte[] Encode(ReadOnlySpan<long> values)
    {
        _scratch.Clear();
        _columns.Encode(values, _scratch);
        return _scratch.ToArray();
    }

    private RollupRow Rollup(OpenBlock block, long bucketMs)
    {
        var buckets = 0;
        foreach (var slot in block.ActiveSlots)
        {
            _buckets.Clear();
            Bucket.Accumulate(block.Times, block.ValuesOf(slot), bucketMs, _buckets);
            if (_buckets.Count == 0)
            {
                continue;
            }

            buckets += _buckets.Count;
            _rollups.WriteSection(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buckets), bucketMs, _sections.BeginSection(block.ColumnOf(slot).SeriesId));
            _sections.EndSection();
        }

        _scratch.Clear();
        _sections.CopyTo(_scratch);
        return new RollupRow(buckets, _scratch.ToArray());
    }
}
