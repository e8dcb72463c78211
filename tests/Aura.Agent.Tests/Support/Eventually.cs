using System.Diagnostics;

namespace Aura.Agent.Tests.Support;

internal static class Eventually
{
    /// <summary>Polls until the condition holds, failing after <paramref name="timeout"/> (20 s by default: the machine is shared).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new ShouldAssertException($"not true within {limit.TotalSeconds} s: {because}");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), because, timeout);
}
