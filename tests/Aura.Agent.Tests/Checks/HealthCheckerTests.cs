using Aura.Agent.Checks;

namespace Aura.Agent.Tests.Checks;

public sealed class HealthCheckerTests
{
    private static readonly Backoff Policy = new() { Base = TimeSpan.FromSeconds(1), Factor = 2, Cap = TimeSpan.FromSeconds(3), Attempts = 4 };

    [Fact]
    public async Task Run_ProbeFailsTwiceThenPasses_RetriesWithFullJitterUnderTheCeilings()
    {
        var clock = new ImmediateClock();
        var calls = 0;
        var probe = new Probe("flaky", _ => Task.FromResult(++calls < 3 ? "not yet" : null));

        var report = await new HealthChecker(Policy, clock, new Random(7)).RunAsync([probe], CancellationToken.None);

        report.Status.ShouldBe("healthy");
        report.ExitCode.ShouldBe(0);
        report.Probes[0].Attempts.ShouldBe(3);
        var expected = new Random(7);
        clock.Waits.ShouldBe([Policy.Delay(0, expected), Policy.Delay(1, expected)]);
        clock.Waits[0].ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        clock.Waits[1].ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Ceiling_GrowsByTheFactorUntilTheCap()
    {
        Enumerable.Range(0, 4).Select(Policy.Ceiling).ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task Run_OneProbeAlwaysFails_IsDegradedAfterEveryAttempt()
    {
        var clock = new ImmediateClock();
        Probe[] probes = [new("up", _ => Task.FromResult<string?>(null)), new("down", _ => Task.FromResult<string?>("refused"))];

        var report = await new HealthChecker(Policy, clock, new Random(1)).RunAsync(probes, CancellationToken.None);

        report.Status.ShouldBe("degraded");
        report.ExitCode.ShouldBe(1);
        report.Probes[1].ShouldBe(new ProbeResult("down", false, 4, "refused"));
        clock.Waits.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Run_EveryProbeFails_IsDown()
    {
        var report = await new HealthChecker(Policy with { Attempts = 1 }, new ImmediateClock(), new Random(1))
            .RunAsync([new Probe("a", _ => Task.FromResult<string?>("x")), new Probe("b", _ => Task.FromResult<string?>("y"))], CancellationToken.None);

        report.Status.ShouldBe("down");
        report.ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(2, 0.5)]
    public void Validated_OutOfRange_Refuses(double factor, double capSeconds)
    {
        Should.Throw<AgentException>(() => (Policy with { Factor = factor, Cap = TimeSpan.FromSeconds(capSeconds) }).Validated());
    }

    /// <summary>A fake clock: every timer fires at once, and the waits asked for are recorded.</summary>
    private sealed class ImmediateClock : TimeProvider
    {
        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits)
            {
                Waits.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
