using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Dvr;

/// <summary>Jetson readings recorded into the DVR and read back at their declared precision.</summary>
public sealed class JetsonSeriesTests : IDisposable
{
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch.AddDays(1));

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void Range_SnapshotsWithJetson_EngineRailTemperatureAndPoolSeriesRoundTrip()
    {
        var snapshots = Snapshots.Series(Snapshots.Epoch, 120).Select((s, i) => s with { Jetson = Reading(i) }).ToList();
        using (var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock))
        {
            foreach (var snapshot in snapshots)
            {
                writer.Append(snapshot);
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        var ticks = reader.Range(null, null);

        ticks.Count.ShouldBe(120);
        for (var i = 0; i < ticks.Count; i += 17)
        {
            var expected = SeriesValues.Of(snapshots[i]);
            foreach (var (key, value) in expected.Where(e => e.Key.StartsWith("aura_jetson_", StringComparison.Ordinal)))
            {
                ticks[i].Values[key].ShouldBe(value, key);
            }

            ticks[i].Values["aura_jetson_rail_power_watts{rail=\"VDD_IN\"}"].ShouldBe((5000 + i) / 1000.0, 1e-9);
            ticks[i].Values["aura_jetson_engine_usage_ratio{engine=\"GR3D_FREQ\"}"].ShouldBe(i % 100 / 100.0, 1e-9);
            ticks[i].Values["aura_jetson_temperature_celsius{sensor=\"tj\"}"].ShouldBe(40 + (i * 0.125), 1e-9);
            ticks[i].Values["aura_jetson_engine_on{engine=\"NVDEC\"}"].ShouldBe(0);
        }
    }

    private static JetsonSection Reading(int i) => new()
    {
        Source = "command",
        Raw = "",
        Ram = new JetsonMemory((2000L + i) << 20, 7620L << 20, null, new JetsonFreeBlock(3, 2L << 20)),
        Engines = [new JetsonEngine("GR3D_FREQ", false, i % 100, 305 + i, null), new JetsonEngine("NVDEC", true, null, null, null)],
        Rails = [new JetsonRail("VDD_IN", 5000 + i, 4900, "mW")],
        Temperatures = [new JetsonTemperature("tj", 40 + (i * 0.125))],
    };
}
