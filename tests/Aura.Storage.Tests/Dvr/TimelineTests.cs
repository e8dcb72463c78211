using Aura.Core.Series;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Dvr;

public sealed class TimelineTests : IDisposable
{
    private static readonly string Cpu = SeriesCatalog.CpuUsage.Name;
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch.AddDays(40));

    public void Dispose() => _dvr.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Timeline_BudgetBelowTwo_ThrowsNamingTheRule(int maxPoints)
    {
        Write(Ticks(60, TimeSpan.FromSeconds(1), i => 0.1));
        using var reader = DvrReader.Open(_dvr.Path);
        var error = Should.Throw<ArgumentOutOfRangeException>(() => reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddHours(1), maxPoints));
        error.ParamName.ShouldBe("maxPoints");
        error.Message.ShouldContain("at least 2 points");
    }

    [Fact]
    public void Timeline_HourAtOneHertzWithLargeBudget_ReadsRawAndKeepsFirstAndLast()
    {
        var values = Ticks(3600, TimeSpan.FromSeconds(1), i => (i * 37 % 101) / 1000.0);
        Write(values);
        using var reader = DvrReader.Open(_dvr.Path);

        var result = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddHours(1), 2000);

        result.Tier.ShouldBe(DvrTier.Raw);
        result.Points.Length.ShouldBe(2000);
        result.Points[0].ShouldBe(new TimelinePoint(values[0].Time, values[0].Value, values[0].Value, values[0].Value));
        result.Points[^1].ShouldBe(new TimelinePoint(values[^1].Time, values[^1].Value, values[^1].Value, values[^1].Value));
        result.Points.Select(p => p.Time).ShouldBeInOrder();
    }

    [Fact]
    public void Timeline_HourWithSmallBudget_ReadsMinuteBucketsWithExactMinMaxAvg()
    {
        var values = Ticks(3600, TimeSpan.FromSeconds(1), i => (i % 60) / 100.0);
        Write(values);
        using var reader = DvrReader.Open(_dvr.Path);

        var result = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddSeconds(3599), 60);

        result.Tier.ShouldBe(DvrTier.Minute);
        result.Points.Length.ShouldBe(60);
        foreach (var point in result.Points)
        {
            point.Min.ShouldBe(0);
            point.Max.ShouldBe(0.59);
            point.Avg.ShouldBe(0.295, 1e-9);
        }
    }

    [Fact]
    public void Timeline_ThreeDaysWithSmallBudget_ReadsHourBuckets()
    {
        Write(Ticks(3 * 8640, TimeSpan.FromSeconds(10), i => 0.2));
        using var reader = DvrReader.Open(_dvr.Path);

        var result = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddDays(3), 50);

        result.Tier.ShouldBe(DvrTier.Hour);
        result.Points.Length.ShouldBe(50);
        result.Points[0].Time.ShouldBe(Snapshots.Epoch);
    }

    [Fact]
    public void Timeline_OneSampleSpikeInADay_SurvivesAsEnvelope()
    {
        var values = Ticks(8640, TimeSpan.FromSeconds(10), i => i == 5000 ? 0.95 : i == 6000 ? 0.001 : 0.1);
        Write(values);
        using var reader = DvrReader.Open(_dvr.Path);

        var result = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddDays(1), 200);

        result.Tier.ShouldBe(DvrTier.Minute);
        result.Points.Length.ShouldBe(200);
        result.Points.Max(p => p.Max).ShouldBe(0.95);
        result.Points.Min(p => p.Min).ShouldBe(0.001);
    }

    [Fact]
    public void Timeline_UnsealedSamples_AreIncludedInEveryTier()
    {
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);
        foreach (var (time, value) in Ticks(1800, TimeSpan.FromSeconds(1), i => i == 1799 ? 0.9 : 0.1))
        {
            writer.Append(Snapshots.At(time, cpu: value));
        }

        writer.Flush();
        using var reader = DvrReader.Open(_dvr.Path);

        var raw = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddHours(1), 2000);
        raw.Tier.ShouldBe(DvrTier.Raw);
        raw.Points.Length.ShouldBe(1800);
        raw.Points[^1].Avg.ShouldBe(0.9);

        var hour = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddHours(1), 2);
        hour.Tier.ShouldBe(DvrTier.Hour);
        hour.Points.Single().Max.ShouldBe(0.9);
    }

    [Fact]
    public void Timeline_HourSplitAcrossTwoRuns_MergesIntoOneBucket()
    {
        var values = Ticks(3600, TimeSpan.FromSeconds(1), i => i < 1800 ? 0.1 : 0.3);
        Write(values.Take(1800));
        Write(values.Skip(1800));
        using var reader = DvrReader.Open(_dvr.Path);

        var result = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddSeconds(3599), 2);

        result.Tier.ShouldBe(DvrTier.Hour);
        var bucket = result.Points.ShouldHaveSingleItem();
        (bucket.Min, bucket.Max).ShouldBe((0.1, 0.3));
        bucket.Avg.ShouldBe(0.2, 1e-9);
    }

    [Fact]
    public void Timeline_UnknownSeries_IsEmpty()
    {
        Write(Ticks(10, TimeSpan.FromSeconds(1), i => 0.1));
        using var reader = DvrReader.Open(_dvr.Path);
        reader.Timeline("aura_nothing_here", Snapshots.Epoch, Snapshots.Epoch.AddHours(1), 100).Points.ShouldBeEmpty();
    }

    private static List<(DateTimeOffset Time, double Value)> Ticks(int count, TimeSpan step, Func<int, double> value) =>
        Enumerable.Range(0, count).Select(i => (Snapshots.Epoch + (step * i), value(i))).ToList();

    private void Write(IEnumerable<(DateTimeOffset Time, double Value)> ticks)
    {
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);
        foreach (var (time, value) in ticks)
        {
            writer.Append(Snapshots.At(time, cpu: value));
        }
    }
}
