using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Schema;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Writer;

/// <summary>The writer's prepared statements, one per kind of row, reused for every flush.</summary>
internal sealed class BlockStore : IDisposable
{
    private readonly Statement _series;
    private readonly Statement _string;
    private readonly Statement _head;
    private readonly Statement _block;
    private readonly Statement _minute;
    private readonly Statement _hour;
    private readonly Statement _deleteHead;

    public BlockStore(SqliteConnection connection)
    {
        _series = new(connection, "INSERT INTO series(id, key, family, unit, precision) VALUES ($0, $1, $2, $3, $4)", 5);
        _string = new(connection, "INSERT INTO strings(id, value) VALUES ($0, $1)", 2);
        _head = new(connection, "INSERT INTO head(block_start, first_ms, last_ms, ticks, samples, data) VALUES ($0, $1, $2, $3, $4, $5)", 6);
        _block = new(connection, "INSERT INTO blocks(start_ms, end_ms, ticks, samples, times, series, processes) VALUES ($0, $1, $2, $3, $4, $5, $6)", 7);
        _minute = new(connection, "INSERT INTO minute(start_ms, end_ms, buckets, data) VALUES ($0, $1, $2, $3)", 4);
        _hour = new(connection, "INSERT INTO hour(start_ms, end_ms, buckets, data) VALUES ($0, $1, $2, $3)", 4);
        _deleteHead = new(connection, "DELETE FROM head WHERE block_start = $0", 1);
    }

    public void InsertSeries(SeriesSlot series, SqliteTransaction transaction) =>
        _series.Bind(0, series.Id).Bind(1, series.Key).Bind(2, series.Family).Bind(3, series.Unit).Bind(4, series.Quantizer.Precision).Execute(transaction);

    public void InsertString(KeyValuePair<int, string> value, SqliteTransaction transaction) =>
        _string.Bind(0, value.Key).Bind(1, value.Value).Execute(transaction);

    public void InsertHead(PendingHead head, SqliteTransaction transaction) =>
        _head.Bind(0, head.BlockStart).Bind(1, head.FirstMs).Bind(2, head.LastMs).Bind(3, head.Ticks).Bind(4, head.Samples).Bind(5, head.Data).Execute(transaction);

    /// <summary>Writes a sealed block's rows and drops the head rows they replace, in the caller's transaction.</summary>
    public void InsertSealed(SealedBlock block, SqliteTransaction transaction)
    {
        _block.Bind(0, block.StartMs).Bind(1, block.EndMs).Bind(2, block.Ticks).Bind(3, block.Samples)
            .Bind(4, block.Times).Bind(5, block.Series).Bind(6, block.Processes).Execute(transaction);
        if (block.Minute.Buckets > 0)
        {
            _minute.Bind(0, block.StartMs).Bind(1, block.EndMs).Bind(2, block.Minute.Buckets).Bind(3, block.Minute.Data).Execute(transaction);
            _hour.Bind(0, block.StartMs).Bind(1, block.EndMs).Bind(2, block.Hour.Buckets).Bind(3, block.Hour.Data).Execute(transaction);
        }

        _deleteHead.Bind(0, block.StartMs).Execute(transaction);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _series, _string, _head, _block, _minute, _hour, _deleteHead })
        {
            statement.Dispose();
        }
    }
}
