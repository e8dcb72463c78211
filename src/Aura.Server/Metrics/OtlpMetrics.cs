using Aura.Server.Otlp;

namespace Aura.Server.Metrics;

/// <summary>The OTLP exporter's own counters as <c>aura_otlp_*</c>: what reached the collector, what was dropped, what waits.</summary>
internal static class OtlpMetrics
{
    public static void Write(PrometheusWriter writer, OtlpExporter exporter)
    {
        var c = exporter.Counters;
        writer.Family("aura_otlp_metric_exports_total", "Metric exports the OTLP collector accepted.", "counter");
        writer.Sample("aura_otlp_metric_exports_total", c.MetricExports);
        writer.Family("aura_otlp_metric_points_total", "Data points in the metric exports the OTLP collector accepted.", "counter");
        writer.Sample("aura_otlp_metric_points_total", c.MetricPoints);
        writer.Family("aura_otlp_log_records_total", "Events the OTLP collector accepted as log records.", "counter");
        writer.Sample("aura_otlp_log_records_total", c.LogRecords);
        writer.Family("aura_otlp_dropped_metric_exports_total", "Metric exports dropped: the queue was full or every try failed.", "counter");
        writer.Sample("aura_otlp_dropped_metric_exports_total", c.DroppedMetricExports);
        writer.Family("aura_otlp_dropped_log_records_total", "Events never exported: the queue was full or every try failed.", "counter");
        writer.Sample("aura_otlp_dropped_log_records_total", c.DroppedLogRecords);
        writer.Family("aura_otlp_failed_requests_total", "OTLP requests that failed (network error, timeout or error status), retried or not.", "counter");
        writer.Sample("aura_otlp_failed_requests_total", c.FailedRequests);
        writer.Family("aura_otlp_retries_total", "OTLP requests tried again after a failure.", "counter");
        writer.Sample("aura_otlp_retries_total", c.Retries);
        writer.Family("aura_otlp_queue_length", "Exports (metrics) or events (logs) waiting for the OTLP collector.", "gauge");
        writer.Sample("aura_otlp_queue_length", exporter.PendingMetricExports, "signal", "metrics");
        writer.Sample("aura_otlp_queue_length", exporter.PendingEvents, "signal", "logs");
        if (c.LastSuccess is { } last)
        {
            writer.Family("aura_otlp_last_success_timestamp_seconds", "When the OTLP collector last accepted an export.", "gauge");
            writer.Sample("aura_otlp_last_success_timestamp_seconds", last.ToUnixTimeMilliseconds() / 1000.0);
        }
    }
}
