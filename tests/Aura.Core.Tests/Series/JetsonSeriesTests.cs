using Aura.Core.Series;
using Aura.Core.Tests.Model;

namespace Aura.Core.Tests.Series;

public sealed class JetsonSeriesTests
{
    private sealed class RecordingSink : ISeriesSink
    {
        public Dictionary<string, double> Values { get; } = [];

        public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
        {
            SeriesCatalog.Find(family.Name).ShouldBeSameAs(family, $"{family.Name} is written but not in the catalog");
            Values.Add(SeriesKey.Format(family, label1, label2), value);
        }
    }

    [Fact]
    public void Write_SnapshotWithJetson_FlattensEnginesRailsTemperaturesAndPools()
    {
        var snapshot = SampleSnapshots.TwoCores() with { Jetson = SampleJetson.Full };
        var sink = new RecordingSink();

        SnapshotSeries.Write(snapshot, sink);

        var v = sink.Values;
        v["aura_jetson_engine_usage_ratio{engine=\"GR3D_FREQ\"}"].ShouldBe(0.59, 1e-12);
        v["aura_jetson_engine_frequency_hertz{engine=\"GR3D_FREQ\"}"].ShouldBe(1.3e9);
        v["aura_jetson_engine_on{engine=\"GR3D_FREQ\"}"].ShouldBe(1);
        v["aura_jetson_engine_on{engine=\"NVDEC\"}"].ShouldBe(0);
        v.ShouldNotContainKey("aura_jetson_engine_usage_ratio{engine=\"NVDEC\"}");
        v["aura_jetson_engine_value{engine=\"APE\"}"].ShouldBe(150);
        v["aura_jetson_rail_power_watts{rail=\"VDD_IN\"}"].ShouldBe(5.704, 1e-12);
        v["aura_jetson_rail_average_power_watts{rail=\"VDD_IN\"}"].ShouldBe(5.6, 1e-12);
        v["aura_jetson_temperature_celsius{sensor=\"tj\"}"].ShouldBe(48.843);
        v["aura_jetson_memory_used_bytes{pool=\"ram\"}"].ShouldBe(2461L << 20);
        v["aura_jetson_memory_total_bytes{pool=\"iram\"}"].ShouldBe(252 << 10);
        v.ShouldNotContainKey("aura_jetson_memory_used_bytes{pool=\"swap\"}");
        v.Keys.ShouldNotContain(k => k.Contains("VDD_IN", StringComparison.Ordinal) && k.Contains("engine", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SnapshotWithoutJetson_WritesNoJetsonSeries()
    {
        var sink = new RecordingSink();

        SnapshotSeries.Write(SampleSnapshots.TwoCores(), sink);

        sink.Values.Keys.ShouldNotContain(k => k.StartsWith("aura_jetson_", StringComparison.Ordinal));
    }
}
