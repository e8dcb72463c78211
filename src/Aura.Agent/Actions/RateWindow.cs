namespace Aura.Agent.Actions;

/// <summary>At most <c>max</c> actions in any one-second window, on the injected clock. One per connection.</summary>
internal sealed class RateWindow(int max, TimeProvider clock)
{
    private readonly long[] _times = new long[max];
    private int _next;
    private int _count;

    /// <summary>True and counted when one more action fits in the window.</summary>
    public bool TryTake()
    {
        var now = clock.GetTimestamp();
        if (_count == _times.Length && clock.GetElapsedTime(_times[_next], now) < TimeSpan.FromSeconds(1))
        {
            return false;
        }

        _times[_next] = now;
        _next = (_next + 1) % _times.Length;
        _count = Math.Min(_count + 1, _times.Length);
        return true;
    }
}
