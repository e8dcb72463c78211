using System.Runtime.CompilerServices;

namespace Aura.Telemetry.Sampling;

/// <summary>
/// The one sampling loop: `aura serve`, `aura --watch` and `aura top`'s local mode read their source through it. Rates
/// and CPU shares need two readings, so it takes a baseline first and the first reading <see cref="BaselineGap"/> later
/// (one interval later when that is shorter); then one reading per interval at a fixed cadence, so a slow reading
/// does not shift the ones after it. A reading that fails is handed on with its fault; the caller decides whether to
/// carry on (the daemon) or stop (`aura --watch`). Not thread-safe, like the source it reads.
/// </summary>
public sealed class Sampler(ISnapshotSource source, TimeProvider clock)
{
    /// <summary>How long after the baseline the first reading comes.</summary>
    public static readonly TimeSpan BaselineGap = TimeSpan.FromMilliseconds(250);

    /// <summary>The first reading after a baseline, then one per <paramref name="interval"/> until cancelled.</summary>
    public async IAsyncEnumerable<SamplerReading> ReadingsAsync(TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await PrimeAsync(interval, cancellationToken).ConfigureAwait(false);
        yield return Read();
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read();
        }
    }

    /// <summary>
    /// Takes the baseline and waits until the first reading may be taken: for a caller that paces its own readings
    /// (`aura top`, whose refresh interval changes while it runs). A failed baseline is not reported: a source that
    /// stays broken fails the first reading too.
    /// </summary>
    public Task PrimeAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        Read();
        return Task.Delay(interval < BaselineGap ? interval : BaselineGap, clock, cancellationToken);
    }

    /// <summary>Reads the source once, timing it; a fault is caught and returned (a device unplugged, a file briefly unreadable).</summary>
    public SamplerReading Read()
    {
        var started = clock.GetTimestamp();
        try
        {
            var snapshot = source.Sample();
            return new SamplerReading(snapshot, clock.GetElapsedTime(started), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SamplerReading(null, clock.GetElapsedTime(started), e);
        }
    }
}
