using Aura.Core.Series;
using Aura.Storage.Dvr;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Dvr;

/// <summary>
/// A timeline of one series to 2,000 points over 1 hour, 1 day and 30 days of a DVR recorded at 1 Hz, ending now
/// (so the unsealed last hour, in head rows, is read too). Target: p95 ≤ 20 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DvrPercentilesConfig))]
public class DvrTimelineBenchmarks
{
    private DvrReader _reader = null!;
    private DateTimeOffset _end;

    [Params("1h", "1d", "30d")]
    public string Window { get; set; } = "1h";

    [GlobalSetup]
    public void Setup()
    {
        _reader = DvrReader.Open(DvrBenchData.ThirtyDays());
        _end = _reader.Latest(1, includeValues: false)[0].Timestamp;
    }

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();

    [Benchmark]
    public int Timeline()
    {
        var span = Window switch { "1h" => TimeSpan.FromHours(1), "1d" => TimeSpan.FromDays(1), _ => TimeSpan.FromDays(30) };
        return _reader.Timeline(SeriesCatalog.CpuUsage.Name, _end - span, _end, 2000).Points.Length;
    }
}
