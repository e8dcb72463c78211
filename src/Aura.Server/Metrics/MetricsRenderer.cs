using System.Buffers;
using Aura.Core.Model;
using Aura.Core.Series;
using Aura.Server.Sampling;

namespace Aura.Server.Metrics;

/// <summary>
/// Renders one tick as Prometheus text: every catalog family in catalog order, HELP and TYPE once per family, then
/// Aura's own sampler metrics. Not thread-safe; <see cref="Render"/> borrows one from a one-slot pool.
/// </summary>
internal sealed class MetricsRenderer : ISeriesSink
{
    private const string GpuLabel = "gpu";

    private static MetricsRenderer? _spare;

    private readonly Dictionary<SeriesFamily, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<SeriesFamily> _families = [];
    private readonly List<List<Sample>> _samples = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(32 * 1024);

    private MetricsRenderer()
    {
        foreach (var family in SeriesCatalog.All)
        {
            Register(family);
        }
    }

    /// <summary>The exposition body for <paramref name="frame"/>; <paramref name="webSocketClients"/> is reported as of now.</summary>
    public static byte[] Render(
        TickFrame frame, string version, int webSocketClients, IReadOnlyList<Aura.Controls.ControlInfo>? controls = null, Otlp.OtlpExporter? otlp = null, string? hostName = null)
    {
        var renderer = Interlocked.Exchange(ref _spare, null) ?? new MetricsRenderer();
        try
        {
            return renderer.RenderFrame(frame, version, webSocketClients, controls ?? [], otlp, hostName);
        }
        finally
        {
            Volatile.Write(ref _spare, renderer);
        }
    }

    /// <summary>The name a family is exposed under: a counter's name always ends in <c>_total</c>, as Prometheus expects.</summary>
    public static string ExposedName(SeriesFamily family) =>
        family.Kind == SeriesKind.Counter && !family.Name.EndsWith("_total", StringComparison.Ordinal) ? family.Name + "_total" : family.Name;

    public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
    {
        if (!_index.TryGetValue(family, out var index))
        {
            index = Register(family);
        }

        _samples[index].Add(new Sample(value, label1, label2));
    }

    private byte[] RenderFrame(TickFrame frame, string version, int webSocketClients, IReadOnlyList<Aura.Controls.ControlInfo> controls, Otlp.OtlpExporter? otlp, string? hostName)
    {
        foreach (var list in _samples)
        {
            list.Clear();
        }

        _buffer.ResetWrittenCount();
        SnapshotSeries.Write(frame.Snapshot, this);

        var writer = new PrometheusWriter(_buffer);
        for (var i = 0; i < _families.Count; i++)
        {
            var samples = _samples[i];
            if (samples.Count == 0)
            {
                continue;
            }

            var family = _families[i];
            var name = ExposedName(family);
            writer.Family(name, family.Help, family.Kind == SeriesKind.Counter ? "counter" : "gauge");
            var perGpu = family.Label1 == GpuLabel;
            foreach (var sample in samples)
            {
                var extra = perGpu ? GpuLabels(frame.Snapshot, sample.Label1) : default;
                writer.Sample(name, sample.Value, family.Label1, sample.Label1, family.Label2, sample.Label2, extra);
            }
        }

        ControlMetrics.Write(writer, controls);
        writer.Family("aura_build_info", "Aura's version; the value is always 1.", "gauge");
        writer.Sample("aura_build_info", 1, "version", version);
        writer.Family("aura_sampler_ticks_total", "Snapshots the server has sampled since it started.", "counter");
        writer.Sample("aura_sampler_ticks_total", frame.Tick);
        writer.Family("aura_sampler_duration_seconds", "How long the latest snapshot took to take.", "gauge");
        writer.Sample("aura_sampler_duration_seconds", frame.SampleDuration.TotalSeconds);
        writer.Family("aura_server_websocket_clients", "WebSocket clients connected to /ws/stats.", "gauge");
        writer.Sample("aura_server_websocket_clients", webSocketClients);
        HostMetrics.Write(writer, hostName ?? frame.Snapshot.Host.Hostname);
        if (otlp is not null)
        {
            OtlpMetrics.Write(writer, otlp);
        }

        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The DVR keys GPU series by index alone; /metrics also names each GPU's uuid and model, as GPU exporters do, so a
    /// query can select a board without knowing its index.
    /// </summary>
    private static ExtraLabels GpuLabels(Snapshot snapshot, string? index)
    {
        foreach (var gpu in snapshot.Gpus)
        {
            if (string.Equals(LabelValues.Of(gpu.Index), index, StringComparison.Ordinal))
            {
                return new ExtraLabels("uuid", gpu.Uuid, "name", gpu.Name);
            }
        }

        return default;
    }

    private int Register(SeriesFamily family)
    {
        var index = _families.Count;
        _index.Add(family, index);
        _families.Add(family);
        _samples.Add([]);
        return index;
    }

    private readonly record struct Sample(double Value, string? Label1, string? Label2);
}
