using Aura.Server.Hosting;
using Aura.Telemetry;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Server;

/// <summary>
/// One scrape of a running server over loopback HTTP: the same <see cref="AuraServer"/> `aura serve` hosts, sampling this
/// machine at 1 Hz. Within a tick every scrape after the first gets the cached body, so this is the serve path.
/// </summary>
[MemoryDiagnoser]
public class ServerScrapeBenchmarks
{
    private ISnapshotSource _source = null!;
    private AuraDaemon _server = null!;
    private HttpClient _http = null!;

    // Synchronous setup and cleanup: BenchmarkDotNet's in-process toolchain (needed on a loaded machine, where building
    // the out-of-process one times out) does not await async ones.
    [GlobalSetup]
    public void Setup()
    {
        _source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
        _server = AuraDaemon.Build(new AuraSettings { Server = new ServerOptions { Port = 0 } }, new DaemonParts { Source = _source });
        _server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _http = new HttpClient { BaseAddress = _server.Server.Address };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _source.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<byte[]> ScrapeMetrics() => _http.GetByteArrayAsync(new Uri("/metrics", UriKind.Relative));

    [Benchmark]
    public Task<byte[]> GetStats() => _http.GetByteArrayAsync(new Uri("/api/stats", UriKind.Relative));
}
