namespace Aura.Server.Otlp;

/// <summary>The two signals Aura exports, with their HTTP paths and gRPC methods.</summary>
internal sealed record OtlpSignal(string Name, string HttpPath, string GrpcMethod)
{
    public static OtlpSignal Metrics { get; } = new("metrics", "v1/metrics", "opentelemetry.proto.collector.metrics.v1.MetricsService/Export");

    public static OtlpSignal Logs { get; } = new("logs", "v1/logs", "opentelemetry.proto.collector.logs.v1.LogsService/Export");
}
