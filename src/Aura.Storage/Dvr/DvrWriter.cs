using Aura.Core.Model;
using Aura.Core.Series;
using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Processes;
using Aura.Storage.Dvr.Schema;
using Aura.Storage.Dvr.Writer;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aura.Storage.Dvr;

/// <summary>
/// The one writer of a DVR file. <see cref="Append"/> only stores integers in memory (microseconds, no
/// allocation in steady state); a flush every <see cref="DvrOptions.FlushInterval"/> writes the new ticks as a
/// head row, and a block that has ended is sealed into compressed rows in the same transaction.
/// Append may be called from one thread while the background loop flushes.
/// </summary>
public sealed partial class DvrWriter : IDisposable
{
    private readonly DvrOptions _options;
    private readonly TimeProvider _clock;
    private readonly WriterLock _writerLock;
    private readonly SqliteConnection _connection;
    private readonly BlockStore _store;
    private readonly SeriesRegistry _registry = new();
    private readonly StringTable _strings = new();
    private readonly BlockSink _sink;
    private readonly ProcessEncoder _processEncoder;
    private readonly HeadBatchWriter _headWriter = new();
    private readonly Lock _sync = new();
    private readonly Lock _gate = new();
    private readonly Stack<OpenBlock> _spare = new();
    private readonly Queue<OpenBlock> _toSeal = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly long _spanMs;
    private OpenBlock _open = new();
    private long _lastTickMs = long.MinValue;
    private bool _disposed;
    private ILogger _logger = NullLogger.Instance;

    // Faults are logged when flushes start failing and when they succeed again, not at every failed flush.
    private bool _failing;

    private DvrWriter(DvrOptions options, TimeProvider clock, WriterLock writerLock, SqliteConnection connection)
    {
        _options = options;
        _clock = clock;
        _writerLock = writerLock;
        _connection = connection;
        _spanMs = (long)options.BlockSpan.TotalMilliseconds;
        _store = new BlockStore(connection);
        _sink = new BlockSink(_registry);
        _processEncoder = new ProcessEncoder(_strings);
    }

    public event EventHandler<DvrFlushedEventArgs>? Flushed;

    public event EventHandler<DvrFlushFailedEventArgs>? FlushFailed;

    public DvrOptions Options => _options;

    /// <summary>Ticks not stored because their timestamp was not after the previous tick's (the clock stepped back).</summary>
    public long DroppedTicks { get; private set; }

    /// <summary>Values not stored because they were NaN, infinite or too large for their series' precision.</summary>
    public long RejectedValues
    {
        get
        {
            lock (_sync)
            {
                return _sink.Rejected;
            }
        }
    }

    /// <summary>Bytes of the open block's values and process records held in memory: those since the last flush.</summary>
    internal long BufferedBytes
    {
        get
        {
            lock (_sync)
            {
                return _open.BufferedBytes;
            }
        }
    }

    /// <summary>The newest tick known to be on disk, or null before the first flush.</summary>
    public DateTimeOffset? LastFlushed { get; private set; }

    /// <summary>
    /// Opens (creating, migrating or importing a Python Aura database as needed) the file for writing. Unsealed rows
    /// left by a crashed writer are sealed first. Throws <see cref="DvrException"/> for a file that is not an Aura
    /// or Python Aura database, one written by a newer Aura, or one another process is writing.
    /// </summary>
    public static DvrWriter Open(DvrOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        SqliteFile.PrepareDirectory(options.Path);

        var writerLock = WriterLock.Acquire(options.Path);
        SqliteConnection? connection = null;
        DvrWriter? writer = null;
        try
        {
            try
            {
                Files.PrivateFiles.Prepare(options.Path);
            }
            catch (IOException e)
            {
                throw new DvrException(e.Message, e);
            }

            connection = SqliteFile.Open(options.Path, readOnly: false);
            var shape = SchemaInspector.Inspect(connection, options.Path);
            StoreSetup.Prepare(connection, shape);
            writer = new DvrWriter(options, timeProvider, writerLock, connection);
            writer._logger = logger ?? NullLogger.Instance;
            writer.Load();
            if (options.BackgroundFlush)
            {
                _ = writer.RunAsync(writer._stop.Token);
            }

            return writer;
        }
        catch
        {
            if (writer is not null)
            {
                writer.Release();
            }
            else
            {
                connection?.Dispose();
                writerLock.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stores one tick. Returns false (and stores nothing) when its timestamp is not after the last tick's.</summary>
    public bool Append(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var timeMs = snapshot.Timestamp.ToUnixTimeMilliseconds();
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (timeMs <= _lastTickMs)
            {
                DroppedTicks++;
                return false;
            }

            var block = BlockFor(timeMs);
            block.BeginTick(timeMs);
            _sink.Begin(block);
            SnapshotSeries.Write(snapshot, _sink);
            _sink.End();
            block.EndTick();
            _processEncoder.Append(snapshot.Processes, _options.ProcessLimit, block.Processes);
            _lastTickMs = timeMs;
            return true;
        }
    }

    /// <summary>Writes everything appended so far and seals the open block, then closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _stop.Cancel();
            lock (_sync)
            {
                if (_open.TickCount > 0)
                {
                    _toSeal.Enqueue(_open);
                    _open = new OpenBlock();
                }

                _disposed = true;
            }

            try
            {
                FlushCore();
            }
            finally
            {
                Release();
            }
        }
    }

    private OpenBlock BlockFor(long timeMs)
    {
        var block = _open;
        if (block.TickCount > 0 && BlockWindow.MustSeal(block, timeMs, _options.MaxBlockTicks))
        {
            _toSeal.Enqueue(block);
            block = _open = _spare.Count > 0 ? _spare.Pop() : new OpenBlock();
            block.Start(0);
        }

        if (block.TickCount == 0)
        {
            block.Start(BlockWindow.EndOf(timeMs, _spanMs));
            _processEncoder.Reset();
        }

        return block;
    }

    private void Release()
    {
        _stop.Cancel();
        _store.Dispose();
        _connection.Dispose();
        _writerLock.Dispose();
        _compactionCodec.Dispose();
        _headWriter.Dispose();
        _open.Dispose();
        foreach (var block in _spare)
        {
            block.Dispose();
        }

        _stop.Dispose();
    }
}
