namespace Aura.Agent.Checks;

/// <summary>
/// Runs every probe, retrying a failing one with <see cref="Backoff"/> on the injected clock, and grades the whole:
/// healthy (exit 0) when all pass, down (exit 2) when none does, degraded (exit 1) otherwise.
/// </summary>
public sealed class HealthChecker(Backoff backoff, TimeProvider clock, Random random)
{
    public async Task<CheckReport> RunAsync(IReadOnlyList<Probe> probes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var results = new ProbeResult[probes.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            results[i] = await RunOneAsync(probes[i], cancellationToken).ConfigureAwait(false);
        }

        var passed = results.Count(r => r.Ok);
        var (status, code) = passed == results.Length ? ("healthy", 0) : passed == 0 ? ("down", 2) : ("degraded", 1);
        return new CheckReport(clock.GetUtcNow(), status, code, results);
    }

    private async Task<ProbeResult> RunOneAsync(Probe probe, CancellationToken cancellationToken)
    {
        string? problem = null;
        for (var attempt = 1; attempt <= backoff.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(backoff.Delay(attempt - 2, random), clock, cancellationToken).ConfigureAwait(false);
            }

            problem = await probe.Run(cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                return new ProbeResult(probe.Name, true, attempt, "ok");
            }
        }

        return new ProbeResult(probe.Name, false, backoff.Attempts, problem!);
    }
}
