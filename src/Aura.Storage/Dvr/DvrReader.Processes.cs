using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Processes;
using Aura.Storage.Dvr.Reader;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

public sealed partial class DvrReader
{
    /// <summary>A gap longer than this (the daemon was stopped) counts as this long when weighting CPU by time.</summary>
    private const double MaxIntervalSeconds = 60;

    /// <summary>The top-k processes of the newest tick at or before <paramref name="instant"/>; null when there is none.</summary>
    public DvrProcessTick? ProcessesAt(DateTimeOffset instant)
    {
        var timeMs = instant.ToUnixTimeMilliseconds();
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var head = _head.Load(_connection, transaction);
            long[] times;
            byte[] stream;
            var group = head.LastOrDefault(g => g.FirstMs <= timeMs);
            if (group is not null)
            {
                times = group.Times.ToArray();
                stream = group.ProcessStream();
            }
            else
            {
                using var command = Command(transaction, """
                    SELECT ticks, times, processes FROM blocks WHERE start_ms <= $t ORDER BY start_ms DESC LIMIT 1
                    """);
                command.Parameters.AddWithValue("$t", timeMs);
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    return null;
                }

                times = new long[reader.GetInt32(0)];
                _columns.Decode((byte[])reader.GetValue(1), times);
                stream = ProcessStreamCodec.Decompress((byte[])reader.GetValue(2));
            }

            var index = times.AsSpan().BinarySearch(timeMs);
            index = index >= 0 ? index : ~index - 1;
            var decoder = new ProcessDecoder();
            var input = new ByteReader(stream);
            for (var i = 0; i <= index; i++)
            {
                decoder.ReadTick(ref input);
            }

            var processes = ImmutableArray.CreateBuilder<ProcessSample>(decoder.Count);
            foreach (var entry in decoder.Entries)
            {
                processes.Add(ToSample(entry, transaction));
            }

            return new DvrProcessTick(DateTimeOffset.FromUnixTimeMilliseconds(times[index]), processes.MoveToImmutable());
        }
    }

    /// <summary>The processes that used the most CPU time in [from, to], most first ("who caused the spike").</summary>
    public IReadOnlyList<DvrProcessUsage> TopProcesses(DateTimeOffset from, DateTimeOffset to, int limit = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var usage = new Dictionary<(int, long), ProcessUsageBuilder>();
            using (var command = Command(transaction, """
                SELECT ticks, times, processes FROM blocks WHERE start_ms >= $lo AND start_ms <= $to AND end_ms >= $from ORDER BY start_ms
                """))
            {
                command.Parameters.AddWithValue("$from", fromMs);
                command.Parameters.AddWithValue("$to", toMs);
                command.Parameters.AddWithValue("$lo", LowerBlockStart(fromMs));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var times = new long[reader.GetInt32(0)];
                    _columns.Decode((byte[])reader.GetValue(1), times);
                    Accumulate(times, ProcessStreamCodec.Decompress((byte[])reader.GetValue(2)), fromMs, toMs, usage, transaction);
                }
            }

            foreach (var group in _head.Load(_connection, transaction))
            {
                Accumulate(group.Times.ToArray(), group.ProcessStream(), fromMs, toMs, usage, transaction);
            }

            return usage.Values.OrderByDescending(u => u.CpuSeconds).ThenByDescending(u => u.MaxCpuPercent)
                .Take(limit).Select(u => u.Build()).ToList();
        }
    }

    private void Accumulate(long[] times, byte[] stream, long fromMs, long toMs, Dictionary<(int, long), ProcessUsageBuilder> usage, SqliteTransaction transaction)
    {
        var decoder = new ProcessDecoder();
        var input = new ByteReader(stream);
        for (var i = 0; i < times.Length && times[i] <= toMs; i++)
        {
            decoder.ReadTick(ref input);
            if (times[i] < fromMs)
            {
                continue;
            }

            var gapMs = i > 0 ? times[i] - times[i - 1] : times.Length > 1 ? times[1] - times[0] : 1000;
            var interval = Math.Min(gapMs / 1000.0, MaxIntervalSeconds);
            foreach (var entry in decoder.Entries)
            {
                if (!usage.TryGetValue((entry.Pid, entry.StartTimeTicks), out var builder))
                {
                    builder = new ProcessUsageBuilder(entry.Pid, entry.StartTimeTicks);
                    usage.Add((entry.Pid, entry.StartTimeTicks), builder);
                }

                builder.Name = String(entry.Name, transaction);
                builder.User = String(entry.User, transaction);
                builder.Add(times[i], Cpu(entry), interval);
            }
        }
    }

    private ProcessSample ToSample(in ProcessEntry entry, SqliteTransaction transaction) => new(
        entry.Pid,
        entry.StartTimeTicks,
        String(entry.Name, transaction),
        String(entry.User, transaction),
        (char)entry.State,
        Cpu(entry),
        entry.RssKib * ProcessPrecision.RssBytes,
        entry.Memory / ProcessPrecision.MemoryUnitsPerPercent,
        (int)entry.Threads);

    private static double? Cpu(in ProcessEntry entry) =>
        entry.Cpu == ProcessEntry.NoCpu ? null : entry.Cpu / ProcessPrecision.CpuUnitsPerPercent;

    private string String(int id, SqliteTransaction transaction)
    {
        if (!_strings.TryGetValue(id, out var value))
        {
            using var command = Command(transaction, "SELECT value FROM strings WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            value = command.ExecuteScalar() as string ?? string.Empty;
            _strings[id] = value;
        }

        return value;
    }
}
