using Aura.Core.Model;
using Aura.Telemetry;

namespace Aura.Tui.Data;

/// <summary>Local mode: no daemon answers, so `aura top` samples with the same snapshot source `aura` and `aura serve` use.</summary>
internal sealed class LocalFeed : ITopFeed
{
    private readonly ISnapshotSource _source;

    public LocalFeed(SamplerOptions options, TimeProvider clock)
    {
        _source = SnapshotSources.Create(options, clock);
        // Rates and CPU shares need a previous reading; take it now so the first frame already has figures.
        _source.Sample();
    }

    public string Description => "local sampler (no daemon answers)";

    public string Address => "";

    public bool IsDaemon => false;

    public Task<Snapshot?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<Snapshot?>(_source.Sample());

    public void Dispose() => _source.Dispose();
}
