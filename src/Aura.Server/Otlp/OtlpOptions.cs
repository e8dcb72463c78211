using System.Collections.Immutable;

namespace Aura.Server.Otlp;

/// <summary>Where and how <c>aura serve</c> exports OTLP, resolved from <c>[otlp]</c> and the standard <c>OTEL_*</c> variables.</summary>
public sealed record OtlpOptions
{
    public const int DefaultQueueBatches = 64;

    /// <summary>The collector: a base URL for http/protobuf (signal paths are appended), the server for gRPC.</summary>
    public required Uri Endpoint { get; init; }

    public OtlpProtocol Protocol { get; init; } = OtlpProtocol.HttpProtobuf;

    /// <summary>Sent with every export (e.g. an API key the collector wants).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>How long one export request may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often every series is exported, from the latest tick.</summary>
    public TimeSpan MetricInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long committed events may wait to be batched into one logs export.</summary>
    public TimeSpan LogDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Resource attributes besides Aura's own (<c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>[otlp.resource]</c>).</summary>
    public ImmutableArray<KeyValuePair<string, string>> ResourceAttributes { get; init; } = [];

    public string ServiceName { get; init; } = "aura";

    /// <summary>The <c>host.name</c> resource attribute; null takes the kernel's hostname from each tick.</summary>
    public string? HostName { get; init; }

    /// <summary>Encoded exports waiting for the collector, per signal; beyond it the oldest is dropped and counted.</summary>
    public int QueueBatches { get; init; } = DefaultQueueBatches;

    /// <summary>Events held for the next logs export; beyond it new events are dropped and counted.</summary>
    public int QueueEvents { get; init; } = 8192;

    /// <summary>Tries per export, the first included, before it is dropped.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry's wait; each later one doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
