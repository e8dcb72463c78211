using Aura.Core.Model;
using Aura.Core.Series;

namespace Aura.Server.Otlp;

/// <summary>
/// Encodes one tick as an <c>ExportMetricsServiceRequest</c> (opentelemetry/proto/collector/metrics/v1): every catalog
/// family that has values, under its catalog name, help and unit; gauges as gauges, counters as cumulative monotonic
/// sums that start at boot; labels (and each GPU's uuid and model) as data-point attributes. Not thread-safe: the
/// exporter keeps one.
/// </summary>
internal sealed class OtlpMetricsEncoder : ISeriesSink
{
    private const string GpuLabel = "gpu";
    private const int Cumulative = 2;

    private readonly Dictionary<SeriesFamily, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<SeriesFamily> _families = [];
    private readonly List<List<Point>> _points = [];
    private readonly ProtoWriter _writer = new();
    private readonly OtlpOptions _options;
    private readonly string _version;
    private readonly DateTimeOffset _started;

    // started: the start of counters whose boot time is unknown (when the exporter started).
    public OtlpMetricsEncoder(OtlpOptions options, string version, DateTimeOffset started)
    {
        _options = options;
        _version = version;
        _started = started;
        foreach (var family in SeriesCatalog.All)
        {
            Register(family);
        }
    }

    /// <summary>Data points in the latest request.</summary>
    public int PointCount { get; private set; }

    public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
    {
        if (!_index.TryGetValue(family, out var index))
        {
            index = Register(family);
        }

        _points[index].Add(new Point(value, label1, label2));
    }

    public byte[] Encode(Snapshot snapshot)
    {
        foreach (var list in _points)
        {
            list.Clear();
        }

        SnapshotSeries.Write(snapshot, this);
        var time = UnixNanos(snapshot.Timestamp);
        var start = UnixNanos(snapshot.Host.BootTime ?? _started);
        var writer = _writer;
        writer.Reset();
        PointCount = 0;
        writer.BeginMessage(1); // ResourceMetrics
        OtlpResource.Write(writer, 1, _options, snapshot.Host.Hostname, _version);
        writer.BeginMessage(2); // ScopeMetrics
        OtlpScope.Write(writer, 1, _version);
        for (var i = 0; i < _families.Count; i++)
        {
            var points = _points[i];
            if (points.Count == 0)
            {
                continue;
            }

            var family = _families[i];
            var counter = family.Kind == SeriesKind.Counter;
            writer.BeginMessage(2); // Metric
            writer.String(1, family.Name);
            writer.String(2, family.Help);
            writer.String(3, OtlpUnits.Of(family.Unit));
            writer.BeginMessage(counter ? 7 : 5); // Sum or Gauge
            foreach (var point in points)
            {
                WritePoint(writer, snapshot, family, point, counter ? start : 0, time);
            }

            if (counter)
            {
                writer.UInt64(2, Cumulative);
                writer.Bool(3, true);
            }

            writer.EndMessage();
            writer.EndMessage();
            PointCount += points.Count;
        }

        writer.EndMessage();
        writer.EndMessage();
        return writer.ToArray();
    }

    private static void WritePoint(ProtoWriter writer, Snapshot snapshot, SeriesFamily family, Point point, ulong start, ulong time)
    {
        writer.BeginMessage(1); // NumberDataPoint
        if (family.Label1 is { } name1 && point.Label1 is { } value1)
        {
            OtlpValues.StringAttribute(writer, 7, name1, value1);
            if (family.Label2 is { } name2 && point.Label2 is { } value2)
            {
                OtlpValues.StringAttribute(writer, 7, name2, value2);
            }

            if (name1 == GpuLabel)
            {
                WriteGpuAttributes(writer, snapshot, value1);
            }
        }

        if (start != 0)
        {
            writer.Fixed64(2, start);
        }

        writer.Fixed64(3, time);
        writer.Double(4, point.Value);
        writer.EndMessage();
    }

    /// <summary>Each GPU's uuid and model, as /metrics names them, so a board can be selected without knowing its index.</summary>
    private static void WriteGpuAttributes(ProtoWriter writer, Snapshot snapshot, string index)
    {
        foreach (var gpu in snapshot.Gpus)
        {
            if (string.Equals(LabelValues.Of(gpu.Index), index, StringComparison.Ordinal))
            {
                if (gpu.Uuid is { } uuid)
                {
                    OtlpValues.StringAttribute(writer, 7, "uuid", uuid);
                }

                OtlpValues.StringAttribute(writer, 7, "name", gpu.Name);

                return;
            }
        }
    }

    internal static ulong UnixNanos(DateTimeOffset time) => (ulong)(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private int Register(SeriesFamily family)
    {
        var index = _families.Count;
        _index.Add(family, index);
        _families.Add(family);
        _points.Add([]);
        return index;
    }

    private readonly record struct Point(double Value, string? Label1, string? Label2);
}
