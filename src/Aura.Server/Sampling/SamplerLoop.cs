using Aura.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Sampling;

/// <summary>
/// The one place that samples: once per tick, whatever the number of clients. Starting it takes a baseline and publishes
/// the first snapshot (with rates already filled in) before the server accepts anyone; stopping it flushes the recorder.
/// </summary>
internal sealed class SamplerLoop(
    ISnapshotSource source,
    SnapshotHub hub,
    TimeProvider clock,
    TimeSpan interval,
    ISnapshotRecorder? recorder,
    ILogger<SamplerLoop> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>Rates and CPU shares need two readings; the first published snapshot comes this long after a baseline.</summary>
    private static readonly TimeSpan BaselineGap = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        TrySample();
        await Task.Delay(interval < BaselineGap ? interval : BaselineGap, clock, cancellationToken);
        if (TrySample() is { } first)
        {
            Publish(first.Snapshot, first.Duration);
        }

        _loop = RunAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (recorder is not null)
        {
            try
            {
                await recorder.FlushAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RecorderFlushFailed(logger, e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (TrySample() is { } sample)
                {
                    Publish(sample.Snapshot, sample.Duration);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private (Core.Model.Snapshot Snapshot, TimeSpan Duration)? TrySample()
    {
        var started = clock.GetTimestamp();
        try
        {
            var snapshot = source.Sample();
            return (snapshot, clock.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A source that fails one tick may recover on the next (a device unplugged, a file briefly unreadable);
            // whatever the fault, the daemon keeps serving the last good tick rather than stop sampling for good.
            Log.SampleFailed(logger, e);
            return null;
        }
    }

    private void Publish(Core.Model.Snapshot snapshot, TimeSpan duration)
    {
        if (recorder is not null)
        {
            try
            {
                recorder.Record(snapshot);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Recording is the DVR's concern; live clients still get the tick.
                Log.RecordFailed(logger, e);
            }
        }

        hub.Publish(snapshot, duration);
    }
}
