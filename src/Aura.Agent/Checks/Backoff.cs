namespace Aura.Agent.Checks;

/// <summary>
/// Exponential backoff with full jitter: before retry n (0-based) wait a uniformly random time from 0 to
/// min(cap, base x factor^n). AuraOS's wake check promised backoff and slept a fixed time, or not at all.
/// </summary>
public sealed record Backoff
{
    public TimeSpan Base { get; init; } = TimeSpan.FromSeconds(0.5);

    public double Factor { get; init; } = 2;

    public TimeSpan Cap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries per probe, the first included.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The ceiling before retry <paramref name="retry"/> (0 for the first retry).</summary>
    public TimeSpan Ceiling(int retry)
    {
        var seconds = Base.TotalSeconds * Math.Pow(Factor, retry);
        return TimeSpan.FromSeconds(Math.Min(Cap.TotalSeconds, seconds));
    }

    public TimeSpan Delay(int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        // Whole milliseconds: what timers resolve anyway.
        return TimeSpan.FromMilliseconds(Math.Floor(random.NextDouble() * Ceiling(retry).TotalMilliseconds));
    }

    /// <exception cref="AgentException">A value is out of range; the message names it.</exception>
    public Backoff Validated()
    {
        if (Base <= TimeSpan.Zero || Base > TimeSpan.FromMinutes(5))
        {
            throw new AgentException("--backoff-base must be more than 0 and at most 300 seconds");
        }

        if (!double.IsFinite(Factor) || Factor < 1 || Factor > 10)
        {
            throw new AgentException("--backoff-factor must be from 1 to 10");
        }

        if (Cap < Base || Cap > TimeSpan.FromMinutes(10))
        {
            throw new AgentException("--backoff-cap must be at least --backoff-base and at most 600 seconds");
        }

        if (Attempts is < 1 or > 20)
        {
            throw new AgentException("--attempts must be from 1 to 20");
        }

        return this;
    }
}
