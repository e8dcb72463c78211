using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Codecs;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Reader;

/// <summary>
/// The head rows of one unsealed block, as a reader sees them inside its read transaction: tick times decoded up
/// front, a series' values decoded only when asked for.
/// </summary>
internal sealed class HeadGroup
{
    private readonly List<byte[]> _batches = [];
    private readonly List<int> _batchTicks = [];
    private long[] _times = [];
    private int _ticks;

    private HeadGroup(long blockStart) => BlockStart = blockStart;

    public long BlockStart { get; }

    public ReadOnlySpan<long> Times => _times.AsSpan(0, _ticks);

    public long FirstMs => _times[0];

    public long LastMs => _times[_ticks - 1];

    public static List<HeadGroup> Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        var groups = new List<HeadGroup>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT block_start, ticks, data FROM head ORDER BY block_start, seq";
        using var reader = command.ExecuteReader();
        var batch = new HeadBatch();
        while (reader.Read())
        {
            var start = reader.GetInt64(0);
            if (groups.Count == 0 || groups[^1].BlockStart != start)
            {
                groups.Add(new HeadGroup(start));
            }

            var data = (byte[])reader.GetValue(2);
            batch.Load(data);
            groups[^1].Add(data, batch.Times);
        }

        return groups;
    }

    /// <summary>One slot per tick of the group; <see cref="Column.Absent"/> where the series had no value.</summary>
    public long[] ValuesOf(int seriesId)
    {
        var values = new long[_ticks];
        var offset = 0;
        var batch = new HeadBatch();
        for (var i = 0; i < _batches.Count; i++)
        {
            var slice = values.AsSpan(offset, _batchTicks[i]);
            batch.Load(_batches[i]);
            var sections = batch.Sections();
            if (sections.TryFind(seriesId, out var section))
            {
                HeadBatch.DecodeValues(section, slice);
            }
            else
            {
                slice.Fill(Column.Absent);
            }

            offset += _batchTicks[i];
        }

        return values;
    }

    /// <summary>Every series in the group, each with one slot per tick.</summary>
    public Dictionary<int, long[]> AllValues()
    {
        var ids = new HashSet<int>();
        var batch = new HeadBatch();
        foreach (var data in _batches)
        {
            batch.Load(data);
            var sections = batch.Sections();
            while (sections.MoveNext())
            {
                ids.Add(sections.Id);
            }
        }

        var all = new Dictionary<int, long[]>(ids.Count);
        foreach (var id in ids)
        {
            all[id] = ValuesOf(id);
        }

        return all;
    }

    /// <summary>The block's process stream so far: the batches' process bytes back to back.</summary>
    public byte[] ProcessStream()
    {
        using var output = new ByteWriter(4096);
        var batch = new HeadBatch();
        foreach (var data in _batches)
        {
            batch.Load(data);
            output.WriteBytes(batch.ProcessBytes);
        }

        return output.ToArray();
    }

    private void Add(byte[] data, ReadOnlySpan<long> times)
    {
        _batches.Add(data);
        _batchTicks.Add(times.Length);
        if (_times.Length < _ticks + times.Length)
        {
            Array.Resize(ref _times, Math.Max(_ticks + times.Length, _times.Length * 2));
        }

        times.CopyTo(_times.AsSpan(_ticks));
        _ticks += times.Length;
    }
}
