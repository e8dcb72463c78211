using System.Diagnostics;

namespace Aura.Testing;

/// <summary>Polls a condition until it holds; the bound is a failure, never a measurement.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <paramref name="timeout"/> (20 s by default: the machine is shared).</summary>
    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), because, timeout);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultLimit;
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new ShouldAssertException($"not true within {limit.TotalSeconds} s: {because}");
            }

            await Task.Delay(20);
        }
    }
}
