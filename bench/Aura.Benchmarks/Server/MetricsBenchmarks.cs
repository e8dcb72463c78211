using Aura.Server.ClaraVerse;
using Aura.Server.Metrics;
using Aura.Server.Sampling;
using Aura.Telemetry;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Server;

/// <summary>
/// What one tick costs to serve: rendering /metrics (Prometheus text for every series of a real snapshot of this machine)
/// and the ClaraVerse stats body shared by /api/stats and every WebSocket client. Each is rendered once per tick, on the
/// first request, whatever the number of clients.
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private TickFrame _frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The second sample has rates (over a short gap); the values do not change what rendering costs.
        using var source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
        source.Sample();
        _frame = new SnapshotHub().Publish(source.Sample(), TimeSpan.Zero);
    }

    [Benchmark(Baseline = true)]
    public byte[] RenderMetrics() => MetricsRenderer.Render(_frame, "bench", 0);

    [Benchmark]
    public byte[] RenderClaraStats() => ClaraStatsBody.Render(_frame);
}
