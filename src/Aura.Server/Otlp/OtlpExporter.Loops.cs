using Aura.Storage.Events;

namespace Aura.Server.Otlp;

/// <summary>The exporter's three loops: take the latest tick on the interval, send metric exports, batch and send events.</summary>
internal sealed partial class OtlpExporter
{
    private async Task CollectMetricsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.MetricInterval, _clock);
        var lastTick = 0L;
        try
        {
            do
            {
                // The sampler's latest tick; exporting never causes a reading of its own.
                if (_hub.Latest is not { } frame || frame.Tick == lastTick)
                {
                    continue;
                }

                lastTick = frame.Tick;
                try
                {
                    var payload = _metrics.Encode(frame.Snapshot);
                    _metricQueue.Writer.TryWrite(new Export(payload, _metrics.PointCount));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Counters.MetricsDropped();
                    Log.OtlpEncodeFailed(_logger, OtlpSignal.Metrics.Name, e);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SendMetricsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var export in _metricQueue.Reader.ReadAllAsync(cancellationToken))
            {
                if (await SendAsync(OtlpSignal.Metrics, export.Payload, cancellationToken))
                {
                    Counters.MetricsSent(export.Items, _clock.GetUtcNow());
                }
                else
                {
                    Counters.MetricsDropped();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SendLogsAsync(CancellationToken cancellationToken)
    {
        var batch = new List<StoredEvent>(MaxEventsPerExport);
        try
        {
            while (await _eventQueue.Reader.WaitToReadAsync(cancellationToken))
            {
                // Let events that commit close together share one export.
                await Task.Delay(_options.LogDelay, _clock, cancellationToken);
                while (_eventQueue.Reader.TryRead(out var stored))
                {
                    batch.Add(stored);
                    if (batch.Count == MaxEventsPerExport || _eventQueue.Reader.Count == 0)
                    {
                        await SendBatchAsync(batch, cancellationToken);
                        batch.Clear();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SendBatchAsync(List<StoredEvent> batch, CancellationToken cancellationToken)
    {
        byte[] payload;
        try
        {
            payload = _logs.Encode(batch, _hub.Latest?.Snapshot.Host.Hostname ?? Environment.MachineName, _clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Counters.LogsDropped(batch.Count);
            Log.OtlpEncodeFailed(_logger, OtlpSignal.Logs.Name, e);
            return;
        }

        if (await SendAsync(OtlpSignal.Logs, payload, cancellationToken))
        {
            Counters.LogsSent(batch.Count, _clock.GetUtcNow());
        }
        else
        {
            Counters.LogsDropped(batch.Count);
        }
    }

    /// <summary>Sends with retries; true once the collector accepted it, false when it was given up on.</summary>
    private async Task<bool> SendAsync(OtlpSignal signal, byte[] payload, CancellationToken cancellationToken)
    {
        var backoff = _options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var result = await _transport.SendAsync(signal, payload, cancellationToken);
            if (result.Status == OtlpSendStatus.Ok)
            {
                return true;
            }

            var error = result.Error ?? "failed";
            Counters.Failed(error);
            if (result.Status == OtlpSendStatus.Drop || attempt >= _options.MaxAttempts)
            {
                Log.OtlpExportDropped(_logger, signal.Name, error);
                return false;
            }

            Log.OtlpExportFailed(_logger, signal.Name, error, attempt, _options.MaxAttempts);
            Counters.Retried();
            // Jitter keeps a fleet that lost its collector together from retrying in step.
            var wait = backoff * (0.5 + Random.Shared.NextDouble() / 2);
            await Task.Delay(wait, _clock, cancellationToken);
            backoff = backoff * 2 < _options.MaxBackoff ? backoff * 2 : _options.MaxBackoff;
        }
    }
}
