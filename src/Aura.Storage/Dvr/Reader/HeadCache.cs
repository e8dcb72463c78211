using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Reader;

/// <summary>
/// The reader's copy of the head table. Head rows never change once written and go only when their block seals, so
/// each query lists the row ids (cheap) and fetches only rows it has not seen, instead of re-reading an hour of them.
/// </summary>
internal sealed class HeadCache
{
    private readonly Dictionary<long, HeadRow> _rows = [];

    public List<HeadGroup> Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        var current = new List<(long Seq, long BlockStart)>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT seq, block_start FROM head ORDER BY block_start, seq";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                current.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        var live = new HashSet<long>(current.Count);
        foreach (var (seq, _) in current)
        {
            live.Add(seq);
        }

        foreach (var seq in _rows.Keys.Where(s => !live.Contains(s)).ToList())
        {
            _rows.Remove(seq);
        }

        using var fetch = connection.CreateCommand();
        fetch.Transaction = transaction;
        fetch.CommandText = "SELECT data FROM head WHERE seq = $seq";
        var parameter = fetch.Parameters.Add(new SqliteParameter("$seq", 0L));
        var groups = new List<HeadGroup>();
        foreach (var (seq, blockStart) in current)
        {
            if (!_rows.TryGetValue(seq, out var row))
            {
                parameter.Value = seq;
                row = new HeadRow(seq, blockStart, (byte[])fetch.ExecuteScalar()!);
                _rows.Add(seq, row);
            }

            if (groups.Count == 0 || groups[^1].BlockStart != blockStart)
            {
                groups.Add(new HeadGroup(blockStart));
            }

            groups[^1].Add(row);
        }

        return groups;
    }
}
