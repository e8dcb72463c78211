using Aura.Core.Model;
using Aura.Core.Series;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Tests.Support;

/// <summary>What a snapshot flattens to, each value rounded to its series' precision: what the DVR must give back.</summary>
public sealed class SeriesValues : ISeriesSink
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public static Dictionary<string, double> Of(Snapshot snapshot)
    {
        var sink = new SeriesValues();
        SnapshotSeries.Write(snapshot, sink);
        return sink._values;
    }

    public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
    {
        var quantizer = new Quantizer(family.Precision);
        quantizer.TryEncode(value, out var units).ShouldBeTrue();
        _values[SeriesKey.Format(family, label1, label2)] = quantizer.Decode(units);
    }
}
