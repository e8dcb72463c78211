using Aura.Core.Model;
using Aura.Core.Series;
using Aura.Core.Tests.Model;

namespace Aura.Core.Tests.Series;

public sealed class SnapshotSeriesTests
{
    private sealed class RecordingSink : ISeriesSink
    {
        public Dictionary<string, double> Values { get; } = [];

        public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
        {
            family.LabelCount.ShouldBe(label1 is null ? 0 : label2 is null ? 1 : 2, $"{family.Name} got the wrong number of labels");
            Values.Add(SeriesKey.Format(family, label1, label2), value);
        }
    }

    [Fact]
    public void Write_FullSnapshot_FlattensEverySectionWithItsLabels()
    {
        var sink = new RecordingSink();

        SnapshotSeries.Write(SampleSnapshots.TwoCores(), sink);

        var v = sink.Values;
        v["aura_cpu_usage_ratio"].ShouldBe(0.30, 1e-12); // 1 - idle 0.60 - iowait 0.10
        v["aura_cpu_mode_ratio{mode=\"iowait\"}"].ShouldBe(0.10);
        v["aura_cpu_core_usage_ratio{cpu=\"0\"}"].ShouldBe(0.6, 1e-12);
        v["aura_cpu_core_mode_ratio{cpu=\"0\",mode=\"user\"}"].ShouldBe(0.5);
        v["aura_cpu_core_frequency_hertz{cpu=\"0\"}"].ShouldBe(2.4e9);
        v["aura_cpu_core_online{cpu=\"1\"}"].ShouldBe(0);
        v.ShouldNotContainKey("aura_cpu_core_usage_ratio{cpu=\"1\"}");
        v["aura_load_average{window=\"15m\"}"].ShouldBe(0.125);
        v["aura_memory_used_ratio"].ShouldBe(0.25);
        v["aura_filesystem_used_ratio{mountpoint=\"/\"}"].ShouldBe(0.6);
        v["aura_disk_read_bytes_per_second{device=\"sda\"}"].ShouldBe(4096);
        v.ShouldNotContainKey("aura_disk_write_bytes_per_second{device=\"sda\"}");
        v["aura_network_errors_total{interface=\"eth0\"}"].ShouldBe(3);
        v["aura_network_receive_bytes_per_second{interface=\"total\"}"].ShouldBe(100);
        v["aura_temperature_celsius{sensor=\"hwmon/coretemp/temp1\"}"].ShouldBe(55.5);
        v["aura_temperature_hottest_celsius"].ShouldBe(55.5);
        v["aura_uptime_seconds"].ShouldBe(3600);
    }

    [Fact]
    public void Write_ScreenActivity_BecomesScreenSeries()
    {
        var sink = new RecordingSink();

        SnapshotSeries.Write(SampleSnapshots.TwoCores() with { Screen = new ScreenSection(0.125, 3) }, sink);

        sink.Values["aura_screen_changed_ratio"].ShouldBe(0.125);
        sink.Values["aura_screen_changed_regions"].ShouldBe(3);
    }

    [Fact]
    public void Write_EveryFamily_IsInTheCatalog()
    {
        var sink = new RecordingSink();
        var names = new HashSet<string>();

        SnapshotSeries.Write(SampleSnapshots.TwoCores() with { Jetson = SampleJetson.Full, Screen = new ScreenSection(0.25, 2) }, sink);

        foreach (var key in sink.Values.Keys)
        {
            var name = key.Split('{')[0];
            SeriesCatalog.Find(name).ShouldNotBeNull($"{name} is written but not in the catalog");
            names.Add(name);
        }

        names.Count.ShouldBe(SeriesCatalog.All.Length, "every catalogued family appears for a fully populated snapshot");
    }

    [Fact]
    public void Catalog_Names_FollowPrometheusConventions()
    {
        foreach (var family in SeriesCatalog.All)
        {
            family.Name.ShouldMatch("^aura_[a-z0-9_]+$");
            family.Precision.ShouldBeGreaterThan(0);
            if (family.Kind == SeriesKind.Counter)
            {
                (family.Name.EndsWith("_total", StringComparison.Ordinal) || family.Name.EndsWith("_seconds", StringComparison.Ordinal))
                    .ShouldBeTrue($"{family.Name} is a counter");
            }
        }

        SeriesCatalog.All.Select(f => f.Name).Distinct().Count().ShouldBe(SeriesCatalog.All.Length);
    }
}
