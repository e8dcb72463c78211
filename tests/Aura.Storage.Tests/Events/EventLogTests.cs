using System.Text;
using Aura.Core.Events;
using Aura.Storage.Events;

namespace Aura.Storage.Tests.Events;

public sealed class EventLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Append_ThenQuery_ReturnsEveryFieldAsStored()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));

        var id = await log.AppendAsync(TempEventLog.Event("sable", "thinking", T0.AddTicks(1234560), EventLevel.Debug, "Analyzing", """{"tokens":1234}"""), CancellationToken.None);

        var found = log.Query(new EventQuery())!.ShouldHaveSingleItem();
        found.Id.ShouldBe(id);
        found.Event.Source.ShouldBe("sable");
        found.Event.EventType.ShouldBe("thinking");
        found.Event.Level.ShouldBe(EventLevel.Debug);
        found.Event.Message.ShouldBe("Analyzing");
        EventTime.Format(found.Event.TimestampMicros).ShouldBe("2026-11-20T12:00:00.123456Z");
        Encoding.UTF8.GetString(found.Event.Data.Span).ShouldBe("""{"tokens":1234}""");
    }

    [Fact]
    public async Task Query_EventsWrittenWithDifferentOffsets_AreOrderedAsInstantsNewestFirst()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));
        // 13:30+02:00 is 11:30Z: earlier than 12:00Z although its text sorts later.
        var early = await log.AppendAsync(TempEventLog.Event("a", "x", DateTimeOffset.Parse("2026-11-20T13:30:00+02:00", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        var late = await log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);
        var middle = await log.AppendAsync(TempEventLog.Event("a", "x", T0.AddMinutes(-15)), CancellationToken.None);

        log.Query(new EventQuery())!.Select(e => e.Id).ShouldBe([late, middle, early]);
        log.Query(new EventQuery { SinceMicros = EventTime.Micros(T0.AddMinutes(-20)) })!.Select(e => e.Id).ShouldBe([late, middle]);
        log.Query(new EventQuery { UntilMicros = EventTime.Micros(T0.AddMinutes(-15)) })!.Select(e => e.Id).ShouldBe([middle, early]);
    }

    [Fact]
    public async Task Query_Filters_AreTheAndOfExactMatches()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));
        var wanted = await log.AppendAsync(TempEventLog.Event("sable", "error", T0, EventLevel.Error), CancellationToken.None);
        await log.AppendAsync(TempEventLog.Event("sable", "error", T0, EventLevel.Warn), CancellationToken.None);
        await log.AppendAsync(TempEventLog.Event("sable", "errors", T0, EventLevel.Error), CancellationToken.None);
        await log.AppendAsync(TempEventLog.Event("prismis", "error", T0, EventLevel.Error), CancellationToken.None);

        var found = log.Query(new EventQuery { Source = "sable", EventType = "error", Level = EventLevel.Error })!;

        found.Select(e => e.Id).ShouldBe([wanted]);
    }

    [Fact]
    public async Task Query_BeforeId_PagesThroughEverythingOnceInOrder()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));
        var batch = Enumerable.Range(0, 250).Select(i => TempEventLog.Event("a", "x", T0.AddSeconds(i % 7))).ToList();
        await log.AppendBatchAsync(batch, CancellationToken.None);

        var seen = new List<StoredEvent>();
        long? before = null;
        while (true)
        {
            var page = log.Query(new EventQuery { Limit = 40, BeforeId = before })!;
            seen.AddRange(page);
            if (page.Count < 40)
            {
                break;
            }

            before = page[^1].Id;
        }

        seen.Count.ShouldBe(250);
        seen.Select(e => e.Id).Distinct().Count().ShouldBe(250);
        seen.Select(e => (e.Event.TimestampMicros, e.Id)).ShouldBe(seen.Select(e => (e.Event.TimestampMicros, e.Id)).OrderByDescending(k => k));
    }

    [Fact]
    public void Query_BeforeAnIdNeverStored_IsNull()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));

        log.Query(new EventQuery { BeforeId = 42 }).ShouldBeNull();
    }

    [Fact]
    public async Task AppendBatch_ReturnsConsecutiveIds_AndConcurrentRequestsGetDistinctOnes()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));

        var singles = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None))));
        var first = await log.AppendBatchAsync([TempEventLog.Event("b", "y", T0), TempEventLog.Event("b", "y", T0), TempEventLog.Event("b", "y", T0)], CancellationToken.None);

        singles.Distinct().Count().ShouldBe(200);
        log.Query(new EventQuery { Source = "b" })!.Select(e => e.Id).OrderBy(id => id).ShouldBe([first, first + 1, first + 2]);
        log.Count().ShouldBe(203);
    }

    [Fact]
    public async Task SourcesAndTypes_AreCompleteAndSorted()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));
        foreach (var (source, type) in new[] { ("zeta", "b.two"), ("alpha", "a_one"), ("mid-1", "b.two"), ("alpha", "c") })
        {
            await log.AppendAsync(TempEventLog.Event(source, type, T0), CancellationToken.None);
        }

        log.Sources().ShouldBe(["alpha", "mid-1", "zeta"]);
        log.EventTypes().ShouldBe(["a_one", "b.two", "c"]);
    }

    [Fact]
    public async Task Reopen_KeepsEveryAcknowledgedEventAndContinuesIds()
    {
        using var temp = new TempEventLog();
        long last;
        using (var log = temp.Open(new FakeTimeProvider(T0)))
        {
            await log.AppendBatchAsync(Enumerable.Range(0, 10).Select(_ => TempEventLog.Event("a", "x", T0)).ToList(), CancellationToken.None);
            last = await log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);
        }

        using var reopened = temp.Open(new FakeTimeProvider(T0));
        reopened.Count().ShouldBe(11);
        reopened.Sources().ShouldBe(["a"]);
        (await reopened.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None)).ShouldBe(last + 1);
    }

    [Fact]
    public void Open_WhileAnotherWriterHasTheFile_NamesTheFile()
    {
        using var temp = new TempEventLog();
        using var first = temp.Open(new FakeTimeProvider(T0));

        var error = Should.Throw<EventLogException>(() => temp.Open(new FakeTimeProvider(T0)));

        error.Message.ShouldContain(temp.Path);
    }

    [Fact]
    public async Task Append_EmptyTexts_AreStoredAsEmptyNotNull()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0));

        await log.AppendAsync(new NewEvent("", "", EventLevel.Info, "", EventTime.Micros(T0), ReadOnlyMemory<byte>.Empty), CancellationToken.None);

        var stored = log.Query(new EventQuery())!.ShouldHaveSingleItem().Event;
        stored.Source.ShouldBe("");
        stored.EventType.ShouldBe("");
        stored.Message.ShouldBe("");
    }

    [Fact]
    public async Task NormalSync_StoresAndReadsBackTheSame()
    {
        using var temp = new TempEventLog();
        using var log = temp.Open(new FakeTimeProvider(T0), o => o with { Sync = EventSync.Normal });

        var id = await log.AppendAsync(TempEventLog.Event("a", "x", T0), CancellationToken.None);

        log.Query(new EventQuery())!.ShouldHaveSingleItem().Id.ShouldBe(id);
    }
}
