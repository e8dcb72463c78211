using System.Threading.Channels;
using Aura.Server.Sampling;
using Aura.Storage.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Otlp;

/// <summary>
/// Exports the latest tick's series every <see cref="OtlpOptions.MetricInterval"/> (it never samples) and every durable
/// event as a log record. The tick and the event log only hand work over: encoded exports wait in bounded queues for
/// one sender per signal, which retries with doubling backoff; a full queue or a last failed try drops the oldest
/// export and counts it, so a collector that is down or slow costs memory up to the bound and nothing else.
/// </summary>
internal sealed partial class OtlpExporter : IHostedService, IAsyncDisposable
{
    private const int MaxEventsPerExport = 512;

    private readonly OtlpOptions _options;
    private readonly SnapshotHub _hub;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OtlpTransport _transport;
    private readonly OtlpMetricsEncoder _metrics;
    private readonly OtlpLogsEncoder _logs;
    private readonly Channel<Export> _metricQueue;
    private readonly Channel<StoredEvent> _eventQueue;
    private readonly EventLog? _events;
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public OtlpExporter(OtlpOptions options, SnapshotHub hub, TimeProvider clock, string version, EventLog? events, ILogger logger)
    {
        _options = options;
        _events = events;
        _hub = hub;
        _clock = clock;
        _logger = logger;
        _transport = new OtlpTransport(options);
        _metrics = new OtlpMetricsEncoder(options, version, clock.GetUtcNow());
        _logs = new OtlpLogsEncoder(options, version);
        _metricQueue = Channel.CreateBounded<Export>(
            new BoundedChannelOptions(options.QueueBatches) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Counters.MetricsDropped());
        _eventQueue = Channel.CreateBounded<StoredEvent>(
            new BoundedChannelOptions(options.QueueEvents) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    public OtlpCounters Counters { get; } = new();

    public OtlpOptions Options => _options;

    /// <summary>Events waiting to be exported.</summary>
    public int PendingEvents => _eventQueue.Reader.Count;

    /// <summary>Metric exports waiting for the collector.</summary>
    public int PendingMetricExports => _metricQueue.Reader.Count;

    /// <summary>Takes committed events (on the event log's sync thread): copies them into the queue, never waits.</summary>
    public void Offer(IReadOnlyList<StoredEvent> committed)
    {
        var dropped = 0;
        for (var i = 0; i < committed.Count; i++)
        {
            if (!_eventQueue.Writer.TryWrite(committed[i]))
            {
                dropped++;
            }
        }

        if (dropped > 0)
        {
            Counters.LogsDropped(dropped);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.OtlpExporting(_logger, _options.Protocol == OtlpProtocol.Grpc ? "grpc" : "http/protobuf", _options.Endpoint, _options.MetricInterval);
        if (_events is not null)
        {
            _events.Committed += Offer;
        }

        var token = _stopping.Token;
        _running = Task.WhenAll(
            Task.Run(() => CollectMetricsAsync(token), CancellationToken.None),
            Task.Run(() => SendMetricsAsync(token), CancellationToken.None),
            Task.Run(() => SendLogsAsync(token), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_events is not null)
        {
            _events.Committed -= Offer;
        }

        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _transport.Dispose();
    }

    private sealed record Export(byte[] Payload, int Items);
}
