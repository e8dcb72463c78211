using Aura.Core.Model;
using Aura.Telemetry;
using Aura.Telemetry.Sampling;

namespace Aura.Tui.Data;

/// <summary>
/// Local mode: no daemon answers, so `aura top` samples through the same <see cref="Sampler"/> and snapshot source
/// `aura` and `aura serve` use. `aura top` paces the readings itself (its refresh interval changes while it runs);
/// the first one waits for the sampler's baseline so that the first frame already has figures.
/// </summary>
internal sealed class LocalFeed : ITopFeed
{
    private readonly ISnapshotSource _source;
    private readonly Sampler _sampler;
    private readonly TimeSpan _interval;
    private bool _primed;

    public LocalFeed(SamplerOptions options, TimeProvider clock)
        : this(SnapshotSources.Create(options, clock), options.Interval, clock)
    {
    }

    /// <summary>Samples <paramref name="source"/> (which the feed then owns).</summary>
    internal LocalFeed(ISnapshotSource source, TimeSpan interval, TimeProvider clock)
    {
        _source = source;
        _sampler = new Sampler(_source, clock);
        _interval = interval;
    }

    public string Description => "local sampler (no daemon answers)";

    public string Address => "";

    public bool IsDaemon => false;

    public async Task<Snapshot?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_primed)
        {
            await _sampler.PrimeAsync(_interval, cancellationToken);
            _primed = true;
        }

        // A failed reading is reported like a daemon that stops answering: the view keeps its last figures, the status
        // line says why, and the next refresh tries again.
        var reading = _sampler.Read();
        return reading.Fault is { } fault
            ? throw new TopFeedException($"sampling failed: {fault.Message}", fault)
            : reading.Snapshot;
    }

    public void Dispose() => _source.Dispose();
}
