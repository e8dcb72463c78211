using Aura.Storage.Dvr.Blocks;
using Aura.Storage.Dvr.Writer;
using Aura.Storage.Files;

namespace Aura.Storage.Dvr;

public sealed partial class DvrWriter
{
    private readonly List<SeriesSlot> _pendingSeries = [];
    private readonly List<KeyValuePair<int, string>> _pendingStrings = [];
    private readonly List<PendingHead> _pendingHeads = [];
    private readonly List<PendingSeal> _pendingSeals = [];
    private readonly Codecs.ByteWriter _headBuffer = new(8192);

    /// <summary>
    /// Writes the ticks appended since the last flush (and seals blocks that have ended) in one transaction.
    /// On failure nothing is lost from memory; the next flush retries.
    /// </summary>
    public void Flush()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlushCore();
        }
    }

    private void FlushCore()
    {
        lock (_sync)
        {
            _registry.TakeUnsaved(_pendingSeries);
            _strings.TakeUnsaved(_pendingStrings);
            while (_toSeal.TryDequeue(out var block))
            {
                // Its last ticks join its head rows, which the seal rebuilds the block from.
                TakeHead(block);
                _pendingSeals.Add(new PendingSeal(block));
            }

            TakeHead(_open);
        }

        if (_pendingSeries.Count == 0 && _pendingStrings.Count == 0 && _pendingHeads.Count == 0 && _pendingSeals.Count == 0)
        {
            return;
        }

        // Sealed blocks are no longer touched by Append, so they are encoded outside the lock.
        foreach (var seal in _pendingSeals)
        {
            if (seal.Rows is null)
            {
                SealFinished(seal);
            }
        }

        var through = long.MinValue;
        var ticks = 0;
        using (var transaction = _connection.BeginTransaction())
        {
            foreach (var series in _pendingSeries)
            {
                _store.InsertSeries(series, transaction);
            }

            foreach (var value in _pendingStrings)
            {
                _store.InsertString(value, transaction);
            }

            foreach (var head in _pendingHeads)
            {
                if (!IsSealing(head.BlockStart))
                {
                    _store.InsertHead(head, transaction);
                    through = Math.Max(through, head.LastMs);
                    ticks += head.Ticks;
                }
            }

            foreach (var seal in _pendingSeals)
            {
                _store.InsertSealed(seal.Rows!, transaction);
                through = Math.Max(through, seal.Rows!.EndMs);
                ticks += seal.Rows.Ticks - seal.CommittedTicks;
            }

            transaction.Commit();
        }

        if (_pendingSeals.Count > 0)
        {
            // The sealed block's head rows were just deleted: hand their pages back rather than keep them free in the file.
            SqliteFile.Execute(_connection, "PRAGMA incremental_vacuum");
        }

        _pendingSeries.Clear();
        _pendingStrings.Clear();
        _pendingHeads.Clear();
        lock (_sync)
        {
            foreach (var seal in _pendingSeals)
            {
                _spare.Push(seal.Block);
            }
        }

        var sealedBlocks = _pendingSeals.Count;
        _pendingSeals.Clear();
        if (through != long.MinValue)
        {
            var last = DateTimeOffset.FromUnixTimeMilliseconds(through);
            LastFlushed = last;
            Flushed?.Invoke(this, new DvrFlushedEventArgs(last, ticks, sealedBlocks));
        }
    }

    /// <summary>The block's ticks since its last flush, as a head row waiting to commit (called under the append lock).</summary>
    private void TakeHead(OpenBlock block)
    {
        if (block.TickCount > block.FlushedTicks)
        {
            _headBuffer.Clear();
            var first = block.FlushedTicks;
            var samples = _headWriter.Write(block, _headBuffer);
            _pendingHeads.Add(new PendingHead(block.StartMs, block.Times[first], block.LastMs, block.TickCount - first, samples, _headBuffer.ToArray()));
        }
    }

    private bool IsSealing(long blockStart)
    {
        foreach (var seal in _pendingSeals)
        {
            if (seal.Block.StartMs == blockStart)
            {
                return true;
            }
        }

        return false;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, _clock);
        var lastMaintenance = _clock.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    try
                    {
                        FlushCore();
                        if (_failing)
                        {
                            _failing = false;
                            Log.DvrWritesRecovered(_logger, _options.Path);
                        }

                        if (_clock.GetElapsedTime(lastMaintenance) >= _options.MaintenanceInterval)
                        {
                            lastMaintenance = _clock.GetTimestamp();
                            MaintainCore();
                        }
                    }
#pragma warning disable CA1031 // The loop must outlive any one failure: report it, keep the ticks, retry next time.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        if (!_failing)
                        {
                            _failing = true;
                            Log.DvrWritesFailing(_logger, _options.Path, e.Message, e);
                        }

                        FlushFailed?.Invoke(this, new DvrFlushFailedEventArgs(e));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the final flush runs in Dispose.
        }
    }
}
