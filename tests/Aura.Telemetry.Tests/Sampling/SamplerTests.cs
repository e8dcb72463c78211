using Aura.Telemetry.Sampling;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Telemetry.Tests.Sampling;

public sealed class SamplerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Readings_First_ComesTheBaselineGapAfterABaseline()
    {
        using var source = new CountingSource(_clock);
        await using var readings = new Sampler(source, _clock).ReadingsAsync(TimeSpan.FromSeconds(1), CancellationToken.None).GetAsyncEnumerator();

        var first = readings.MoveNextAsync();
        source.Samples.ShouldBe(1, "the baseline is taken at once");
        _clock.Advance(Sampler.BaselineGap - TimeSpan.FromMilliseconds(1));
        first.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        (await first).ShouldBeTrue();
        source.Samples.ShouldBe(2);
        readings.Current.Snapshot.ShouldNotBeNull().Timestamp.ShouldBe(Start + Sampler.BaselineGap);
    }

    [Fact]
    public async Task Readings_IntervalShorterThanTheGap_FirstComesOneIntervalAfterTheBaseline()
    {
        using var source = new CountingSource(_clock);
        var interval = TimeSpan.FromMilliseconds(100);
        await using var readings = new Sampler(source, _clock).ReadingsAsync(interval, CancellationToken.None).GetAsyncEnumerator();

        var first = readings.MoveNextAsync();
        _clock.Advance(interval);

        (await first).ShouldBeTrue();
        readings.Current.Snapshot.ShouldNotBeNull().Timestamp.ShouldBe(Start + interval);
    }

    [Fact]
    public async Task Readings_AfterTheFirst_OnePerIntervalOnAFixedGridWhateverTheCallerTakes()
    {
        using var source = new CountingSource(_clock);
        var interval = TimeSpan.FromSeconds(1);
        var handling = TimeSpan.FromMilliseconds(300);
        await using var readings = new Sampler(source, _clock).ReadingsAsync(interval, CancellationToken.None).GetAsyncEnumerator();
        var first = readings.MoveNextAsync();
        _clock.Advance(Sampler.BaselineGap);
        await first;

        // The caller spends 300 ms on each reading before asking for the next one; the grid starts when it first asks.
        _clock.Advance(handling);
        var grid = _clock.GetUtcNow();
        var stamps = new List<DateTimeOffset>();
        for (var i = 1; i <= 3; i++)
        {
            var next = readings.MoveNextAsync();
            next.IsCompleted.ShouldBeFalse("no reading before the interval has passed");
            _clock.Advance(grid + (interval * i) - _clock.GetUtcNow());
            (await Arrived(next)).ShouldBeTrue();
            stamps.Add(readings.Current.Snapshot.ShouldNotBeNull().Timestamp);
            _clock.Advance(handling);
        }

        // The readings stay on the interval's grid rather than drifting 300 ms later each time.
        stamps.ShouldBe([grid + interval, grid + (interval * 2), grid + (interval * 3)]);
        source.Samples.ShouldBe(5, "the baseline, the first reading and three more");
    }

    [Fact]
    public async Task Readings_SourceFailsOnce_TheFaultIsHandedOnAndReadingCarriesOn()
    {
        using var source = new CountingSource(_clock, failOnSample: 3);
        await using var readings = new Sampler(source, _clock).ReadingsAsync(TimeSpan.FromSeconds(1), CancellationToken.None).GetAsyncEnumerator();
        var first = readings.MoveNextAsync();
        _clock.Advance(Sampler.BaselineGap);
        await first;

        var failed = await NextAsync(readings, TimeSpan.FromSeconds(1));
        var recovered = await NextAsync(readings, TimeSpan.FromSeconds(1));

        failed.Snapshot.ShouldBeNull();
        var fault = failed.Fault.ShouldBeOfType<InvalidDataException>();
        Should.Throw<InvalidDataException>(failed.SnapshotOrThrow).ShouldBeSameAs(fault);
        recovered.Fault.ShouldBeNull();
        recovered.SnapshotOrThrow().ShouldBeSameAs(recovered.Snapshot);
    }

    [Fact]
    public async Task Readings_Cancelled_EndsWithOperationCanceled()
    {
        using var source = new CountingSource(_clock);
        using var cancel = new CancellationTokenSource();
        await using var readings = new Sampler(source, _clock).ReadingsAsync(TimeSpan.FromSeconds(1), cancel.Token).GetAsyncEnumerator();
        var first = readings.MoveNextAsync();
        _clock.Advance(Sampler.BaselineGap);
        await first;

        var next = readings.MoveNextAsync();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(next.AsTask());
        source.Samples.ShouldBe(2, "no reading after the cancellation");
    }

    [Fact]
    public async Task Prime_TakesTheBaselineAndWaitsTheGap_ThenReadReadsOnce()
    {
        using var source = new CountingSource(_clock);
        var sampler = new Sampler(source, _clock);

        var primed = sampler.PrimeAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        source.Samples.ShouldBe(1);
        primed.IsCompleted.ShouldBeFalse();
        _clock.Advance(Sampler.BaselineGap);
        await primed;
        var reading = sampler.Read();

        source.Samples.ShouldBe(2);
        reading.Snapshot.ShouldNotBeNull().Timestamp.ShouldBe(Start + Sampler.BaselineGap);
    }

    [Fact]
    public void Read_TimesTheSourceByTheGivenClock()
    {
        using var source = new CountingSource(_clock) { Takes = TimeSpan.FromMilliseconds(40) };

        var reading = new Sampler(source, _clock).Read();

        reading.Duration.ShouldBe(TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public async Task Prime_BaselineFails_TheFirstReadIsNotAffected()
    {
        using var source = new CountingSource(_clock, failOnSample: 1);
        var sampler = new Sampler(source, _clock);

        var primed = sampler.PrimeAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        _clock.Advance(Sampler.BaselineGap);
        await primed;

        sampler.Read().Fault.ShouldBeNull();
    }

    /// <summary>A guard, not a timing check: a reading that the fake clock's move did not release fails the test instead of hanging it.</summary>
    private static Task<bool> Arrived(ValueTask<bool> next) => next.AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    private async Task<SamplerReading> NextAsync(IAsyncEnumerator<SamplerReading> readings, TimeSpan interval)
    {
        var next = readings.MoveNextAsync();
        _clock.Advance(interval);
        (await Arrived(next)).ShouldBeTrue();
        return readings.Current;
    }
}
