using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Processes;
using Aura.Storage.Dvr.Rollups;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// Encodes a finished block: tick times once for all series, a compressed chunk per series (behind a directory),
/// the block's minute and hour buckets for every series, and the process stream. Runs on the flush thread, never in Append.
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
    private long[] _values = new long[4096];

    public SealedBlock Seal(OpenBlock block)
    {
        var times = block.Times;
        long samples = 0;
        foreach (var slot in block.ActiveSlots)
        {
            var column = block.ColumnOf(slot);
            if (column.Present > 0)
            {
                _columns.Encode(Values(block, column), _sections.BeginSection(column.SeriesId));
                _sections.EndSection();
                samples += column.Present;
            }
        }

        _scratch.Clear();
        _sections.CopyTo(_scratch);
        var series = _scratch.ToArray();
        return new SealedBlock(
            times[0],
            times[^1],
            times.Length,
            samples,
            Encode(times),
            series,
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

    private ReadOnlySpan<long> Values(OpenBlock block, SeriesColumn column)
    {
        if (_values.Length < block.TickCount)
        {
            _values = new long[block.TickCount];
        }

        var values = _values.AsSpan(0, block.TickCount);
        column.Decode(values);
        return values;
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
            Bucket.Accumulate(block.Times, Values(block, block.ColumnOf(slot)), bucketMs, _buckets);
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
