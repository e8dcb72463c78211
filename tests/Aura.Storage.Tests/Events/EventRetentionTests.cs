using Aura.Storage.Events;

namespace Aura.Storage.Tests.Events;

public sealed class EventRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retention_DeletesOnlyEventsOlderThanTheDays_AndForgetsTheirSources()
    {
        using var temp = new TempEventLog();
        var clock = new FakeTimeProvider(Now);
        using var log = temp.Open(clock, o => o with { RetentionDays = 30 });
        await log.AppendAsync(TempEventLog.Event("old", "x", Now.AddDays(-31)), CancellationToken.None);
        await log.AppendAsync(TempEventLog.Event("edge", "y", Now.AddDays(-29)), CancellationToken.None);
        var kept = await log.AppendAsync(TempEventLog.Event("new", "z", Now), CancellationToken.None);

        var deleted = await log.RunRetentionAsync(CancellationToken.None);

        deleted.ShouldBe(1);
        log.Sources().ShouldBe(["edge", "new"]);
        log.EventTypes().ShouldBe(["y", "z"]);
        clock.Advance(TimeSpan.FromDays(2));
        (await log.RunRetentionAsync(CancellationToken.None)).ShouldBe(1);
        log.Query(new EventQuery())!.ShouldHaveSingleItem().Id.ShouldBe(kept);
    }

    [Fact]
    public async Task Retention_AfterDeletingTheNewest_NeverReusesIds()
    {
        using var temp = new TempEventLog();
        var clock = new FakeTimeProvider(Now);
        long last;
        using (var log = temp.Open(clock, o => o with { RetentionDays = 1 }))
        {
            last = await log.AppendAsync(TempEventLog.Event("a", "x", Now.AddDays(-2)), CancellationToken.None);
            (await log.RunRetentionAsync(CancellationToken.None)).ShouldBe(1);
            log.Count().ShouldBe(0);
        }

        using var reopened = temp.Open(clock);
        (await reopened.AppendAsync(TempEventLog.Event("a", "x", Now), CancellationToken.None)).ShouldBeGreaterThan(last);
    }

    [Fact]
    public async Task Retention_OverTheSizeCap_DeletesOldestFirstAndReturnsSpace()
    {
        using var temp = new TempEventLog();
        var clock = new FakeTimeProvider(Now);
        using var log = temp.Open(clock, o => o with { RetentionDays = 0, MaxBytes = 2 * 1024 * 1024 });
        var data = "{\"pad\":\"" + new string('x', 1000) + "\"}";
        for (var round = 0; round < 10; round++)
        {
            await log.AppendBatchAsync(
                Enumerable.Range(0, 1000).Select(i => TempEventLog.Event("a", "x", Now.AddSeconds(round * 1000 + i), data: data)).ToList(),
                CancellationToken.None);
        }

        var before = new FileInfo(temp.Path).Length;
        before.ShouldBeGreaterThan(8 * 1024 * 1024);

        var deleted = await log.RunRetentionAsync(CancellationToken.None);

        deleted.ShouldBeGreaterThan(0);
        log.LiveBytes().ShouldBeLessThanOrEqualTo(2 * 1024 * 1024);
        log.Count().ShouldBeGreaterThan(0);
        new FileInfo(temp.Path).Length.ShouldBeLessThan(before / 2);
        // The survivors are exactly the newest ones: nothing before them is left.
        var kept = (int)log.Count();
        log.Query(new EventQuery { UntilMicros = EventTime.Micros(Now.AddSeconds(10_000 - kept - 1)) })!.ShouldBeEmpty();
        log.Query(new EventQuery { SinceMicros = EventTime.Micros(Now.AddSeconds(10_000 - kept)), Limit = 1000 })!.Count.ShouldBe(Math.Min(kept, 1000));
    }

    [Theory]
    [InlineData("2026-11-20T02:59:59Z", "2026-11-20T03:00:00Z")]
    [InlineData("2026-11-20T03:00:00Z", "2026-11-21T03:00:00Z")]
    [InlineData("2026-11-20T21:00:00-05:00", "2026-11-21T03:00:00Z")]
    [InlineData("2026-12-31T12:00:00Z", "2027-01-01T03:00:00Z")]
    public void NextRun_IsTheNextConfiguredUtcTimeStrictlyAfterNow(string now, string expected)
    {
        var parse = (string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        RetentionSchedule.NextRun(parse(now), new TimeOnly(3, 0)).ShouldBe(parse(expected));
    }
}
