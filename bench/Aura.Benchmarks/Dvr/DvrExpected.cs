using Aura.Core.Model;
using Aura.Core.Series;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Benchmarks.Dvr;

/// <summary>A snapshot's series values at their declared precision: what the DVR must return for it.</summary>
internal sealed class DvrExpected : ISeriesSink
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public static Dictionary<string, double> Of(Snapshot snapshot)
    {
        var sink = new DvrExpected();
        SnapshotSeries.Write(snapshot, sink);
        return sink._values;
    }

    public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
    {
        var quantizer = new Quantizer(family.Precision);
        if (quantizer.TryEncode(value, out var units))
        {
            _values[SeriesKey.Format(family, label1, label2)] = quantizer.Decode(units);
        }
    }
}
