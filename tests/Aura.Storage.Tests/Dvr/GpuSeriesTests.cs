using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Dvr;

/// <summary>GPU readings are series like any other: stored at their precision, also when a GPU appears part-way through a block.</summary>
public sealed class GpuSeriesTests : IDisposable
{
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch.AddDays(1));

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void Range_GpuAppearsLater_EarlierTicksHaveNoGpuValuesAndLaterOnesRoundTrip()
    {
        var snapshots = Snapshots.Series(Snapshots.Epoch, 120).Select((s, i) => i < 60 ? s : s with { Gpus = [Snapshots.Gpu(i)] }).ToList();
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
        ticks[59].Values.Keys.ShouldNotContain(k => k.StartsWith("aura_gpu_", StringComparison.Ordinal), "no GPU yet: absent, not 0");
        foreach (var i in new[] { 60, 61, 119 })
        {
            var expected = SeriesValues.Of(snapshots[i]);
            foreach (var (key, value) in expected.Where(e => e.Key.StartsWith("aura_gpu_", StringComparison.Ordinal)))
            {
                ticks[i].Values[key].ShouldBe(value, key);
            }
        }

        ticks[119].Values["aura_gpu_power_watts{gpu=\"0\"}"].ShouldBe(250.119, 1e-9, "stored at milliwatt precision");
        ticks[119].Values["aura_gpu_memory_used_bytes{gpu=\"0\"}"].ShouldBe((20L << 30) + 119);
        ticks[119].Values.Keys.ShouldNotContain("aura_gpu_fan_ratio{gpu=\"0\"}", "a reading the GPU lacks is not stored");
    }
}
