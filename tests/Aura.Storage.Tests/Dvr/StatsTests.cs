using System.Text.Json;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Dvr;

public sealed class StatsTests : IDisposable
{
    private readonly TempDvr _dvr = new();

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void Stats_AfterWriting_CountsEverySampleAndTier()
    {
        var snapshots = Snapshots.Series(Snapshots.Epoch, 7200).ToList();
        var perTick = SeriesValues.Of(snapshots[0]).Count;
        using (var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, new FakeTimeProvider(Snapshots.Epoch)))
        {
            foreach (var snapshot in snapshots)
            {
                writer.Append(snapshot);
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        var stats = reader.Stats();

        stats.Series.ShouldBe(perTick);
        stats.Samples.ShouldBe(7200L * perTick);
        stats.Bytes.ShouldBe(new FileInfo(_dvr.Path).Length + stats.WalBytes);
        stats.Oldest.ShouldBe(Snapshots.Epoch);
        stats.Newest.ShouldBe(Snapshots.Epoch.AddSeconds(7199));
        stats.Tiers.Select(t => t.Tier).ShouldBe([DvrTier.Raw, DvrTier.Minute, DvrTier.Hour]);
        stats.Tiers[0].Samples.ShouldBe(stats.Samples);
        stats.Tiers[1].Samples.ShouldBe(120L * perTick);
        stats.Tiers[2].Samples.ShouldBe(2L * perTick);
        stats.Tiers.ShouldAllBe(t => t.Bytes > 0 && t.Series == perTick);
        stats.Processes.Ticks.ShouldBe(7200);
    }

    [Fact]
    public void Stats_AsJson_HasSnakeCaseSamplesAndBytes()
    {
        using (var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, new FakeTimeProvider(Snapshots.Epoch)))
        {
            writer.Append(Snapshots.At(Snapshots.Epoch));
            writer.Flush();
            using var reader = DvrReader.Open(_dvr.Path);

            var json = JsonSerializer.Serialize(reader.Stats(), DvrJsonContext.Default.DvrStats);

            using var document = JsonDocument.Parse(json);
            document.RootElement.GetProperty("samples").GetInt64().ShouldBeGreaterThan(0);
            document.RootElement.GetProperty("bytes").GetInt64().ShouldBeGreaterThan(0);
            document.RootElement.GetProperty("bytes_per_sample").GetDouble().ShouldBeGreaterThan(0);
            document.RootElement.GetProperty("tiers")[0].GetProperty("tier").GetString().ShouldBe("raw");
        }
    }
}
