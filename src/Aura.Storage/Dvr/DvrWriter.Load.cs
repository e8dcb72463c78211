using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Schema;
using Aura.Storage.Files;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    private void Load()
    {
        _registry.Load(_connection);
        _strings.Load(_connection);
        SealLeftoverHead();
        _lastTickMs = SqliteFile.NullableLong(_connection, "SELECT MAX(end_ms) FROM blocks") ?? long.MinValue;
        if (StoreSetup.Meta(_connection, LegacyImportedKey) is null && SchemaInspector.IsLegacyTable(_connection, "main"))
        {
            ImportLegacy(_connection);
        }
    }

    /// <summary>
    /// Head rows outlive only a writer that did not close: seal them into blocks now, so every block on disk was
    /// written by one run and the new run starts a fresh one.
    /// </summary>
    private void SealLeftoverHead()
    {
        var rows = new List<(long BlockStart, byte[] Data)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT block_start, data FROM head ORDER BY block_start, seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using var block = new OpenBlock();
        var batch = new HeadBatch();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 0 || rows[i].BlockStart != rows[i - 1].BlockStart)
            {
                block.Start(long.MaxValue);
            }

            batch.Load(rows[i].Data);
            AppendBatch(batch, block);
            if (i == rows.Count - 1 || rows[i + 1].BlockStart != rows[i].BlockStart)
            {
                _store.InsertSealed(_sealer.Seal(block), transaction);
            }
        }

        transaction.Commit();
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
