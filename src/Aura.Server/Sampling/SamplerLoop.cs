using Aura.Telemetry;
using Aura.Telemetry.Sampling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Sampling;

/// <summary>
/// The daemon's use of the one <see cref="Sampler"/>: once per tick, whatever the number of clients, each reading goes
/// to the recorder and the hub. Starting it publishes the first snapshot (with rates already filled in) before the
/// server accepts anyone; stopping it flushes the recorder. A reading that fails is logged and the last good tick served.
/// </summary>
internal sealed class SamplerLoop(
    ISnapshotSource source,
    SnapshotHub hub,
    TimeProvider clock,
    TimeSpan interval,
    ISnapshotRecorder? recorder,
    ILogger<SamplerLoop> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var readings = new Sampler(source, clock).ReadingsAsync(interval, _stopping.Token).GetAsyncEnumerator(_stopping.Token);
        try
        {
            // Giving up on starting stops the loop before it runs.
            using (cancellationToken.Register(_stopping.Cancel))
            {
                await readings.MoveNextAsync();
            }
        }
        catch (OperationCanceledException)
        {
            await readings.DisposeAsync();
            throw;
        }

        Publish(readings.Current);
        _loop = RunAsync(readings);
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

    private async Task RunAsync(IAsyncEnumerator<SamplerReading> readings)
    {
        await using (readings)
        {
            try
            {
                while (await readings.MoveNextAsync())
                {
                    Publish(readings.Current);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }

    private void Publish(SamplerReading reading)
    {
        if (reading.Snapshot is not { } snapshot)
        {
            // A source that fails one tick may recover on the next (a device unplugged, a file briefly unreadable);
            // whatever the fault, the daemon keeps serving the last good tick rather than stop sampling for good.
            Log.SampleFailed(logger, reading.Fault!);
            return;
        }

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

        hub.Publish(snapshot, reading.Duration);
    }
}
