using Aura.Runtime;

namespace Aura.EndToEnd.Tests;

/// <summary>The daemon's memory upkeep runs its round every period, and at once when asked (after a DVR seal).</summary>
public sealed class MemoryUpkeepTests
{
    [Fact]
    public async Task Ask_RunsARoundWithoutWaitingForThePeriod()
    {
        using var rounds = new SemaphoreSlim(0);
        using var upkeep = new MemoryUpkeep(TimeSpan.FromHours(1), () => rounds.Release());
        using var stop = new CancellationTokenSource();
        upkeep.Ask();
        upkeep.Ask();

        var running = upkeep.RunAsync(stop.Token);

        (await rounds.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue("asked for a round, none ran");
        (await rounds.WaitAsync(TimeSpan.FromMilliseconds(300))).ShouldBeFalse("asking twice before the round ran asks for one round");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_RunsARoundEveryPeriodUntilStopped()
    {
        var rounds = 0;
        using var upkeep = new MemoryUpkeep(TimeSpan.FromMilliseconds(20), () => Interlocked.Increment(ref rounds));
        using var stop = new CancellationTokenSource();
        var running = upkeep.RunAsync(stop.Token);

        for (var i = 0; i < 500 && Volatile.Read(ref rounds) < 3; i++)
        {
            await Task.Delay(20);
        }

        Volatile.Read(ref rounds).ShouldBeGreaterThanOrEqualTo(3);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        var stopped = Volatile.Read(ref rounds);
        await Task.Delay(200);
        Volatile.Read(ref rounds).ShouldBe(stopped, "no round after the stop");
    }

    [Fact]
    public void Ask_AfterDispose_DoesNothing()
    {
        var rounds = 0;
        var upkeep = new MemoryUpkeep(TimeSpan.FromHours(1), () => rounds++);
        upkeep.Dispose();

        Should.NotThrow(upkeep.Ask, "the DVR's last seal asks for a round as the daemon stops, after the upkeep ended");
        rounds.ShouldBe(0);
    }
}
