namespace Aura.Telemetry;

/// <summary>
/// When a sample is taken: the wall-clock time it is stamped with, and a monotonic reading that rates are computed
/// from (elapsed time between two ticks is the difference of their <see cref="Monotonic"/> values).
/// </summary>
public readonly record struct Tick(DateTimeOffset Time, TimeSpan Monotonic)
{
    public static Tick From(TimeProvider clock, long origin) =>
        new(clock.GetUtcNow(), clock.GetElapsedTime(origin, clock.GetTimestamp()));
}
