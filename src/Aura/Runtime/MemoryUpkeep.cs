namespace Aura.Runtime;

/// <summary>
/// The daemon's memory upkeep: after start-up and every <see cref="Period"/>, it gives back what it is not using. A
/// compacting full collection frees what the last minutes left behind (start-up's garbage, a DVR block sealed at the
/// hour) and decommits the GC's free regions: a heap that grows as slowly as a daemon's at one tick a second may
/// otherwise go hours between full collections, holding them. Then the clean file pages (<see cref="CleanPages"/>)
/// go, so what stays resident is what the daemon used lately. Each round costs a few milliseconds of CPU.
/// </summary>
internal static class MemoryUpkeep
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    /// <summary>Runs a round now and one every <see cref="Period"/> until <paramref name="stop"/>.</summary>
    public static async Task RunAsync(CancellationToken stop)
    {
        CleanPages.ReleaseIfNative();
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                CleanPages.ReleaseIfNative();
            }
        }
        catch (OperationCanceledException)
        {
            // The daemon is stopping.
        }
    }
}
