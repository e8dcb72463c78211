using Aura.Telemetry.Gpu.Commands;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class BackgroundQueryTests
{
    [Fact]
    public void Latest_RunInFlight_ReturnsThePreviousResultWithoutStartingAnother()
    {
        var runs = new List<TaskCompletionSource<int>>();
        using var query = new BackgroundQuery<int>(_ => Next(runs), -1, TimeSpan.Zero);

        query.Latest().ShouldBe(-1, "nothing has finished yet");
        WaitForRuns(runs, 1);
        query.Latest().ShouldBe(-1);
        query.Latest().ShouldBe(-1);
        Count(runs).ShouldBe(1, "a run in flight is not started again");

        runs[0].SetResult(7);
        Eventually(query, 7);
        WaitForRuns(runs, 2);
        query.Latest().ShouldBe(7, "the newest finished result stays until the next one finishes");
        Count(runs).ShouldBe(2, "the next run starts as soon as the previous one is harvested, and only one");
    }

    [Fact]
    public void Latest_RunFails_CountsAsTheFailedValue()
    {
        var runs = new List<TaskCompletionSource<int>>();
        using var query = new BackgroundQuery<int>(_ => Next(runs), -1, TimeSpan.Zero);
        query.Latest();
        WaitForRuns(runs, 1);
        runs[0].SetResult(5);
        Eventually(query, 5);
        WaitForRuns(runs, 2);

        runs[1].SetException(new InvalidOperationException("tool crashed"));

        Eventually(query, -1);
    }

    [Fact]
    public void Latest_FirstCall_WaitsForTheFirstResult()
    {
        using var query = new BackgroundQuery<int>(_ => Task.FromResult(42), -1, TimeSpan.FromSeconds(30));

        query.Latest().ShouldBe(42);
    }

    [Fact]
    public void Dispose_RunInFlight_CancelsIt()
    {
        var cancelled = new TaskCompletionSource();
        var query = new BackgroundQuery<int>(
            async token =>
            {
                await using var registration = token.Register(() => cancelled.TrySetResult());
                await Task.Delay(Timeout.Infinite, token);
                return 1;
            },
            -1,
            TimeSpan.Zero);
        query.Latest();

        query.Dispose();

        cancelled.Task.IsCompleted.ShouldBeTrue();
    }

    /// <summary>A finished run is harvested once its task has completed, which happens on the thread pool.</summary>
    private static void Eventually(BackgroundQuery<int> query, int expected) =>
        SpinWait.SpinUntil(() => query.Latest() == expected, TimeSpan.FromSeconds(30)).ShouldBeTrue($"Latest never returned {expected}");

    /// <summary>Runs start on the thread pool; wait (bounded) until the expected one has.</summary>
    private static void WaitForRuns(List<TaskCompletionSource<int>> runs, int count) =>
        SpinWait.SpinUntil(() => Count(runs) >= count, TimeSpan.FromSeconds(30)).ShouldBeTrue($"run {count} never started");

    private static int Count(List<TaskCompletionSource<int>> runs)
    {
        lock (runs)
        {
            return runs.Count;
        }
    }

    private static Task<int> Next(List<TaskCompletionSource<int>> runs)
    {
        lock (runs)
        {
            var run = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            runs.Add(run);
            return run.Task;
        }
    }
}
