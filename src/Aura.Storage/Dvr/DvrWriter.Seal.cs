using System.Buffers;
using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Writer;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    private readonly List<(int Slot, int Id, int At)> _batchSections = [];
    private long[] _batchValues = new long[1024];

    /// <summary>
    /// Seals a block the live writer has finished. Its ticks are in the head table (and in head rows still waiting to
    /// commit, its last ones among them), not in memory: the block is rebuilt from those rows, one at a time, and encoded.
    /// </summary>
    private void SealFinished(PendingSeal seal)
    {
        var blockStart = seal.Block.StartMs;
        seal.CommittedTicks = 0;
        using var rebuild = new BlockRebuild(this);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT data, ticks FROM head WHERE block_start = $start ORDER BY seq";
            command.Parameters.AddWithValue("$start", blockStart);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rebuild.Add((byte[])reader.GetValue(0));
                seal.CommittedTicks += reader.GetInt32(1);
            }
        }

        foreach (var head in _pendingHeads)
        {
            if (head.BlockStart == blockStart)
            {
                rebuild.Add(head.Data);
            }
        }

        seal.Rows = rebuild.Seal();
    }

    /// <summary>Rebuilds one block from its head rows, oldest first, and encodes it.</summary>
    private SealedBlock SealFromHead(List<byte[]> rows)
    {
        using var rebuild = new BlockRebuild(this);
        foreach (var row in rows)
        {
            rebuild.Add(row);
        }

        return rebuild.Seal();
    }

    private void AppendBatch(HeadBatch batch, OpenBlock block)
    {
        _batchSections.Clear();
        var ticks = batch.Ticks;
        var used = 0;
        var reader = batch.Sections();
        while (reader.MoveNext())
        {
            var slot = _registry.SlotOfId(reader.Id);
            if (slot < 0)
            {
                continue;
            }

            if (_batchValues.Length < used + ticks)
            {
                Array.Resize(ref _batchValues, Math.Max(_batchValues.Length * 2, used + ticks));
            }

            HeadBatch.DecodeValues(reader.Section, _batchValues.AsSpan(used, ticks));
            _batchSections.Add((slot, reader.Id, used));
            used += ticks;
        }

        var times = batch.Times;
        for (var tick = 0; tick < times.Length; tick++)
        {
            block.BeginTick(times[tick]);
            foreach (var (slot, id, at) in _batchSections)
            {
                var value = _batchValues[at + tick];
                if (value != Column.Absent)
                {
                    block.Set(slot, id, value);
                }
            }

            block.EndTick();
        }

        block.Processes.WriteBytes(batch.ProcessBytes);
    }

    /// <summary>
    /// A block being rebuilt from head rows. It and its sealer draw from a pool of their own, dropped with them: once
    /// sealed, the hour's bytes are garbage rather than arrays parked in the shared pool for the rest of the run.
    /// </summary>
    private sealed class BlockRebuild : IDisposable
    {
        private readonly DvrWriter _writer;
        private readonly OpenBlock _block;
        private readonly BlockSealer _sealer;
        private readonly HeadBatch _batch = new();

        public BlockRebuild(DvrWriter writer)
        {
            var pool = ArrayPool<byte>.Create();
            _writer = writer;
            _block = new OpenBlock(pool);
            _sealer = new BlockSealer(pool);
            _block.Start(long.MaxValue);
        }

        public void Add(byte[] row)
        {
            _batch.Load(row);
            _writer.AppendBatch(_batch, _block);
        }

        public SealedBlock Seal() => _sealer.Seal(_block);

        public void Dispose()
        {
            _sealer.Dispose();
            _block.Dispose();
        }
    }
}
