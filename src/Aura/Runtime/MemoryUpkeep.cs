namespace Aura.Runtime;

/// <summary>
/// The daemon's memory upkeep: after start-up, every <see cref="Period"/>, and when asked (the DVR has just sealed a
/// block, which it rebuilds in memory to encode), it gives back what it is not using. A compacting full collection frees
/// what the last minutes left behind and decommits the GC's free regions: a heap that grows as slowly as a daemon's at
/// one tick a second may otherwise go hours between full collections, holding them. Then the clean file pages
/// (<see cref="CleanPages"/>) go, so what stays resident is what the daemon used lately. A round costs a few
/// milliseconds of CPU.
/// </summary>
internal sealed class MemoryUpkeep(TimeSpan period, Action round) : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _asked = new(0, 1);

    /// <summary>The daemon's upkeep: every five minutes, the round below.</summary>
    public static MemoryUpkeep ForDaemon() => new(Period, Round);

    /// <summary>One round: the collection, then the clean file pages (Native AOT build).</summary>
    public static void Round()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        CleanPages.ReleaseIfNative();
    }

    /// <summary>
    /// Asks for a round now (from any thread; asking again before it runs changes nothing). Asking after the upkeep
    /// was disposed does nothing: the DVR's last seal, as the daemon stops, asks after the upkeep has ended.
    /// </summary>
    public void Ask()
    {
        try
        {
            _asked.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already due.
        }
        catch (ObjectDisposedException)
        {
            // The daemon is stopping.
        }
    }

    /// <summary>Drops the start-up pages now, then runs a round every period, or sooner when asked, until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        CleanPages.ReleaseIfNative();
        try
        {
            while (true)
            {
                await _asked.WaitAsync(period, stop).ConfigureAwait(false);
                round();
            }
        }
        catch (OperationCanceledException)
        {
            // The daemon is stopping.
        }
    }

    public void Dispose() => _asked.Dispose();
}
