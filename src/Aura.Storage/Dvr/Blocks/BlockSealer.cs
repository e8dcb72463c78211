using System.Buffers;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Processes;
using Aura.Storage.Dvr.Rollups;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// Encodes a finished block: tick times once for all series, a compressed chunk per series (behind a directory),
/// the block's minute and hour buckets for every series, and the process stream. Runs on the flush thread, never in Append.
/// One sealer serves one job (a seal, an import): its buffers, drawn from <paramref name="pool"/> when given one, are
/// as large as a block and are not worth keeping between seals an hour apart.
/// </summary>
internal sealed class BlockSealer(ArrayPool<byte>? pool = null) : IDisposable
{
    public const long MinuteMs = 60_000;
    public const long HourMs = 3_600_000;

    private readonly ColumnEncoder _columns = new();
    private readonly RollupCodec _rollups = new(pool);
    private readonly SectionWriter _sections = new(pool);
    private readonly ByteWriter _scratch = new(16 * 1024, pool);
    private readonly List<Bucket> _buckets = [];
    private long[] _values = new long[4096];

    /// <summary>Encodes a block that holds all its ticks: one never flushed, as rebuilt from head rows or imported.</summary>
    public SealedBlock Seal(OpenBlock block)
    {
        if (block.FlushedTicks > 0)
        {
            throw new InvalidOperationException("A flushed block's earlier ticks are in its head rows: seal the block rebuilt from them.");
        }

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
            ProcessStreamCodec.Compress(block.Processes.WrittenSpan, pool));
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
