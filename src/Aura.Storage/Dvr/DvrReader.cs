using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Reader;
using Aura.Storage.Dvr.Rollups;
using Aura.Storage.Dvr.Schema;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr;

/// <summary>
/// Reads a DVR file through its own read-only connection, so it never blocks the writer (another process or this
/// one). Each query runs in one read transaction: it sees sealed chunks and unsealed head rows of the same moment,
/// never half a seal. Not thread-safe for concurrent calls on one instance; calls are serialised.
/// </summary>
public sealed partial class DvrReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ColumnDecoder _columns = new();
    private readonly RollupCodec _rollups = new();
    private readonly Dictionary<string, StoredSeries> _seriesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, StoredSeries> _seriesById = [];
    private readonly Dictionary<int, string> _strings = [];
    private readonly HeadCache _head = new();
    private readonly SectionFetcher _sections = new();
    private readonly Lock _sync = new();

    private DvrReader(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>
    /// Opens a DVR for reading. A Python Aura database is imported first (by a short-lived writer), as is a file
    /// of an older schema. Throws <see cref="DvrException"/> when the file is missing or not an Aura database.
    /// </summary>
    public static DvrReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DvrException($"{path} does not exist: nothing has been recorded there yet.");
        }

        if (!IsCurrent(path))
        {
            try
            {
                using var writer = DvrWriter.Open(new DvrOptions { Path = path, BackgroundFlush = false }, TimeProvider.System);
            }
            catch (DvrException) when (IsCurrent(path))
            {
                // Another process holds the writer lock and has already brought the file up to date.
            }
        }

        var connection = SqliteFile.Open(path, readOnly: true);
        return new DvrReader(path, connection);
    }

    /// <summary>Every stored series.</summary>
    public IReadOnlyList<DvrSeriesInfo> ListSeries()
    {
        lock (_sync)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            LoadSeries(transaction);
            return _seriesById.Values.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new DvrSeriesInfo(s.Key, s.Family, s.Unit, s.Quantizer.Precision)).ToList();
        }
    }

    public void Dispose()
    {
        _rollups.Dispose();
        _connection.Dispose();
    }

    private static bool IsCurrent(string path)
    {
        using var probe = SqliteFile.Open(path, readOnly: true);
        var shape = SchemaInspector.Inspect(probe, path);
        return shape.Kind == StoreKind.Aura && shape.Version == DvrSchema.CurrentVersion;
    }

    private StoredSeries? FindSeries(string key, SqliteTransaction transaction)
    {
        if (!_seriesByKey.TryGetValue(key, out var series))
        {
            LoadSeries(transaction);
            _seriesByKey.TryGetValue(key, out series);
        }

        return series;
    }

    private StoredSeries? FindSeries(int id, SqliteTransaction transaction)
    {
        if (!_seriesById.TryGetValue(id, out var series))
        {
            LoadSeries(transaction);
            _seriesById.TryGetValue(id, out series);
        }

        return series;
    }

    private void LoadSeries(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, key, family, unit, precision FROM series";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var series = new StoredSeries(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), new Quantizer(reader.GetDouble(4)));
            _seriesByKey[series.Key] = series;
            _seriesById[series.Id] = series;
        }
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>The first block start that can hold ticks at or after <paramref name="fromMs"/>: blocks span at most a day.</summary>
    private static long LowerBlockStart(long fromMs) => fromMs == long.MinValue ? long.MinValue : fromMs - 86_400_000;

    /// <summary>The first rollup row start that can hold buckets at or after <paramref name="fromMs"/>: a row merged by
    /// compaction covers the blocks that started on one day, so it can reach a block span into the next.</summary>
    private static long LowerRollupStart(long fromMs) => fromMs == long.MinValue ? long.MinValue : fromMs - (2 * 86_400_000);

    private static long BucketStart(long timeMs, long bucketMs) => timeMs - Bucket.Mod(timeMs, bucketMs);
}
