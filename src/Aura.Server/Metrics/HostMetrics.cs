namespace Aura.Server.Metrics;

/// <summary>
/// <c>aura_host_info</c>: the name this host goes by in a fleet, with its architecture and OS, so a query can join any
/// series to its host (<c>* on(instance) group_left(host) aura_host_info</c>) whatever the scrape target was called.
/// </summary>
internal static class HostMetrics
{
    public static void Write(PrometheusWriter writer, string host)
    {
        writer.Family("aura_host_info", "The host Aura runs on (the configured host name, else the kernel's); the value is always 1.", "gauge");
        writer.Sample("aura_host_info", 1, "host", host, "arch", Otlp.OtlpResource.HostArch, new ExtraLabels("os", Otlp.OtlpResource.OsType, null, null));
    }
}
