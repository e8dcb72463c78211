using System.Buffers;
using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Writer;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    /// <summary>
    /// Seals a block the live writer has finished. Its ticks are in the head table (and in head rows still waiting to
    /// commit, its last ones among them), not in memory: the block is rebuilt from those rows and encoded.
    /// </summary>
    private void SealFinished(PendingSeal seal)
    {
        var blockStart = seal.Block.StartMs;
        var rows = new List<byte[]>();
        var committedTicks = 0;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT data, ticks FROM head WHERE block_start = $start ORDER BY seq";
            command.Parameters.AddWithValue("$start", blockStart);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((byte[])reader.GetValue(0));
                committedTicks += reader.GetInt32(1);
            }
        }

        foreach (var head in _pendingHeads)
        {
            if (head.BlockStart == blockStart)
            {
                rows.Add(head.Data);
            }
        }

        seal.Rows = SealFromHead(rows);
        seal.CommittedTicks = committedTicks;
    }

    /// <summary>Rebuilds one block from its head rows, oldest first, and encodes it.</summary>
    private SealedBlock SealFromHead(List<byte[]> rows)
    {
        // The rebuilt block and its sealer draw from a pool of their own, dropped with them: once sealed, the hour's
        // bytes are garbage rather than arrays parked in the shared pool for the rest of the run.
        var pool = ArrayPool<byte>.Create();
        using var block = new OpenBlock(pool);
        using var sealer = new BlockSealer(pool);
        block.Start(long.MaxValue);
        var batch = new HeadBatch();
        foreach (var row in rows)
        {
            batch.Load(row);
            AppendBatch(batch, block);
        }

        return sealer.Seal(block);
    }

    private void AppendBatch(HeadBatch batch, OpenBlock block)
    {
        var sections = new List<(int Slot, int Id, long[] Values)>();
        var reader = batch.Sections();
        while (reader.MoveNext())
        {
            var slot = _registry.SlotOfId(reader.Id);
            if (slot < 0)
            {
                continue;
            }

            var values = new long[batch.Ticks];
            HeadBatch.DecodeValues(reader.Section, values);
            sections.Add((slot, reader.Id, values));
        }

        var times = batch.Times;
        for (var tick = 0; tick < times.Length; tick++)
        {
            block.BeginTick(times[tick]);
            foreach (var (slot, id, values) in sections)
            {
                if (values[tick] != Column.Absent)
                {
                    block.Set(slot, id, values[tick]);
                }
            }

            block.EndTick();
        }

        block.Processes.WriteBytes(batch.ProcessBytes);
    }
}
