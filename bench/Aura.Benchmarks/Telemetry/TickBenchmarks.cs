using Aura.Core.Model;
using Aura.Telemetry;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Telemetry;

/// <summary>
/// One whole tick (all sources, top-20 processes) against merely reading the files that tick reads.
/// Target: Sample ≤ 1.2 × ReadSameFiles, and ~0 bytes allocated beyond the snapshot handed to consumers.
/// </summary>
[MemoryDiagnoser]
public class TickBenchmarks
{
    private ISnapshotSource _source = null!;
    private TickFileSet _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
        _source.Sample();
        _files = TickFileSet.Discover("/", topProcesses: 20);
    }

    [GlobalCleanup]
    public void Cleanup() => _source.Dispose();

    [Benchmark(Baseline = true)]
    public long ReadSameFiles() => _files.ReadAll();

    [Benchmark]
    public Snapshot Sample() => _source.Sample();
}
