using Aura.Server.Controls;

namespace Aura.Server.Tests.Controls;

public sealed class RefusalBudgetTests
{
    [Fact]
    public void Take_MoreThanTheBudgetInAMinute_RecordsTheBudgetAndCountsTheRest()
    {
        var clock = new SteppedClock();
        var budget = new RefusalBudget(clock);

        var taken = Enumerable.Range(0, RefusalBudget.PerMinute + 15).Select(_ => budget.Take()).ToList();

        taken.Count(t => t.Record).ShouldBe(RefusalBudget.PerMinute);
        taken.ShouldAllBe(t => t.DroppedBefore == 0);
    }

    [Fact]
    public void Take_NextMinute_RecordsAgainAndReportsWhatWasDropped()
    {
        var clock = new SteppedClock();
        var budget = new RefusalBudget(clock);
        for (var i = 0; i < RefusalBudget.PerMinute + 7; i++)
        {
            budget.Take();
        }

        clock.Advance(TimeSpan.FromSeconds(59));
        var stillSameMinute = budget.Take();
        clock.Advance(TimeSpan.FromSeconds(1));
        var nextMinute = budget.Take();
        var afterThat = budget.Take();

        stillSameMinute.ShouldBe((false, 0));
        nextMinute.ShouldBe((true, 8));
        afterThat.ShouldBe((true, 0));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 9, 0, 30, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
