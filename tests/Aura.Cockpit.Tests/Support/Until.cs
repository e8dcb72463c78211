namespace Aura.Cockpit.Tests.Support;

internal static class Until
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="because"/> past the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, string because)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                throw new ShouldAssertException($"{because} (waited {deadline.TotalSeconds} s)");
            }

            await Task.Delay(100);
        }
    }
}
