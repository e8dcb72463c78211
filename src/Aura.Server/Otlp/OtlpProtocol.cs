namespace Aura.Server.Otlp;

/// <summary>The OTLP transports, as <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> names them.</summary>
public enum OtlpProtocol
{
    /// <summary><c>http/protobuf</c>: POST to <c>/v1/metrics</c> and <c>/v1/logs</c> under the endpoint.</summary>
    HttpProtobuf,

    /// <summary><c>grpc</c>: the collector services' <c>Export</c> calls over HTTP/2.</summary>
    Grpc,
}
