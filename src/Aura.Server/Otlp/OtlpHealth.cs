namespace Aura.Server.Otlp;

/// <summary>The OTLP exporter in <c>/api/health</c> (absent when export is off).</summary>
public sealed record OtlpHealth(
    string Endpoint,
    string Protocol,
    long MetricExports,
    long LogRecords,
    long DroppedMetricExports,
    long DroppedLogRecords,
    long FailedRequests,
    int QueuedEvents,
    int QueuedMetricExports,
    DateTimeOffset? LastSuccess,
    string? LastError)
{
    internal static OtlpHealth Of(OtlpExporter exporter)
    {
        var c = exporter.Counters;
        return new OtlpHealth(
            exporter.Options.Endpoint.ToString(),
            exporter.Options.Protocol == OtlpProtocol.Grpc ? "grpc" : "http/protobuf",
            c.MetricExports,
            c.LogRecords,
            c.DroppedMetricExports,
            c.DroppedLogRecords,
            c.FailedRequests,
            exporter.PendingEvents,
            exporter.PendingMetricExports,
            c.LastSuccess,
            c.LastError);
    }
}
