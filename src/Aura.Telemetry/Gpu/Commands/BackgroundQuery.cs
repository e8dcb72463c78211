namespace Aura.Telemetry.Gpu.Commands;

/// <summary>
/// Keeps a slow query (a tool run) off the sampler tick: each <see cref="Latest"/> returns the newest finished
/// result and starts the next run if none is in flight, so at most one run is in flight and at most one starts per
/// tick. Only the very first call waits (up to a bound) so that a one-shot `aura` already has a result.
/// Not thread-safe: the sampler owns it.
/// </summary>
internal sealed class BackgroundQuery<T> : IDisposable
{
    private readonly Func<CancellationToken, Task<T>> _run;
    private readonly T _failed;
    private readonly TimeSpan _firstWait;
    private readonly CancellationTokenSource _stop = new();
    private Task<T>? _running;
    private T _latest;
    private bool _started;

    /// <param name="run">The query; it must honour the token.</param>
    /// <param name="failed">What a run that throws counts as (and what is returned before any result).</param>
    /// <param name="firstWait">How long the first call waits for the first result.</param>
    public BackgroundQuery(Func<CancellationToken, Task<T>> run, T failed, TimeSpan firstWait)
    {
        _run = run;
        _failed = failed;
        _latest = failed;
        _firstWait = firstWait;
    }

    public T Latest()
    {
        Harvest();
        if (_running is null && !_stop.IsCancellationRequested)
        {
            var token = _stop.Token;
            _running = Task.Run(() => _run(token));
            if (!_started)
            {
                _started = true;
                WaitQuietly(_running, _firstWait);
                Harvest();
            }
        }

        return _latest;
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (_running is { } running)
        {
            // Give the run the moment it needs to kill its child, so no tool outlives Aura.
            WaitQuietly(running, TimeSpan.FromSeconds(2));
        }

        // A run that is still going holds the token: the source is left to the GC rather than disposed under it.
        if (_running is null or { IsCompleted: true })
        {
            _stop.Dispose();
        }
    }

    private void Harvest()
    {
        if (_running is { IsCompleted: true } finished)
        {
            _latest = finished.IsCompletedSuccessfully ? finished.GetAwaiter().GetResult() : _failed;
            _running = null;
        }
    }

    private static void WaitQuietly(Task task, TimeSpan timeout)
    {
        try
        {
            task.Wait(timeout);
        }
        catch (AggregateException)
        {
            // A failed run is harvested as a failure.
        }
    }
}
