using Aura.Storage.Dvr;
using Aura.Storage.Dvr.Reader;

namespace Aura.Storage.Tests.Dvr;

public sealed class LttbTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Downsample_FewerPointsThanBudget_ReturnsThemUnchanged()
    {
        var points = Points(5, i => i);
        Lttb.Downsample(points, 10).ShouldBe(points);
    }

    [Theory]
    [InlineData(1000, 2)]
    [InlineData(1000, 3)]
    [InlineData(1000, 999)]
    [InlineData(7, 5)]
    public void Downsample_MorePointsThanBudget_KeepsFirstAndLastAndHitsBudget(int count, int target)
    {
        var points = Points(count, i => Math.Sin(i / 10.0));
        var result = Lttb.Downsample(points, target);
        result.Length.ShouldBe(target);
        result[0].ShouldBe(points[0]);
        result[^1].ShouldBe(points[^1]);
        result.Select(p => p.Time).ShouldBeInOrder(SortDirection.Ascending);
        result.Distinct().Count().ShouldBe(target);
    }

    [Fact]
    public void Downsample_Spike_IsPickedAndEnvelopesCoverEveryPoint()
    {
        var points = Points(1000, i => i == 500 ? 100 : i % 7);
        var result = Lttb.Downsample(points, 20);
        result.ShouldContain(p => p.Avg == 100);
        result.Skip(1).SkipLast(1).Min(p => p.Min).ShouldBe(0);
    }

    [Fact]
    public void Downsample_BudgetBelowTwo_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Lttb.Downsample(Points(10, i => i), 1));

    private static List<TimelinePoint> Points(int count, Func<int, double> value) =>
        Enumerable.Range(0, count).Select(i => new TimelinePoint(T0.AddSeconds(i), value(i), value(i), value(i))).ToList();
}
