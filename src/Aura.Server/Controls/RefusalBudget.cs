namespace Aura.Server.Controls;

/// <summary>
/// Bounds how many control refusals are written to the audit trail one by one: at most <see cref="PerMinute"/> in a
/// minute, so a client that hammers the control endpoints with bad keys cannot grow the event log without limit.
/// The refusals over the budget are counted, and the first refusal of the next minute reports how many there were.
/// </summary>
internal sealed class RefusalBudget(TimeProvider clock)
{
    public const int PerMinute = 60;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _recorded;
    private int _dropped;

    /// <summary>Whether to record this refusal, and how many went unrecorded in the window that just ended.</summary>
    public (bool Record, int DroppedBefore) Take()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var dropped = 0;
            if (now - _windowStart >= Window)
            {
                dropped = _dropped;
                (_windowStart, _recorded, _dropped) = (now, 0, 0);
            }

            if (_recorded < PerMinute)
            {
                _recorded++;
                return (true, dropped);
            }

            _dropped++;
            return (false, dropped);
        }
    }
}
