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
        var blocks = new List<(long BlockStart, List<byte[]> Rows)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT block_start, data FROM head ORDER BY block_start, seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var blockStart = reader.GetInt64(0);
                if (blocks.Count == 0 || blocks[^1].BlockStart != blockStart)
                {
                    blocks.Add((blockStart, []));
                }

                blocks[^1].Rows.Add((byte[])reader.GetValue(1));
            }
        }

        if (blocks.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        foreach (var (_, rows) in blocks)
        {
            _store.InsertSealed(SealFromHead(rows), transaction);
        }

        transaction.Commit();
    }
}
