using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Telemetry;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Dvr;

/// <summary>
/// What storing a tick costs against collecting it, in one run. Sample is one real tick of this machine (all
/// sources, top-20 processes); Append stores a recorded tick in memory (target: ≤ 10 % of Sample); Flush writes five
/// ticks as the daemon does every 5 s (one transaction, one fsync); Seal compresses and writes a finished hour.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class DvrAppendBenchmarks
{
    private const int Hour = 3600;
    private const int Samples = 20;

    private readonly Snapshot[] _batch = new Snapshot[Hour];
    private ISnapshotSource _source = null!;
    private List<Snapshot> _templates = null!;
    private DvrWriter _writer = null!;
    private string _path = null!;
    private DateTimeOffset _next = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private int _template;

    [GlobalSetup]
    public void Setup()
    {
        _source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
        _source.Sample();
        _templates = DvrBenchData.Templates(600);
        _path = Path.Combine(DvrBenchData.Directory, $"append-{Environment.ProcessId}.sqlite");
        _writer = DvrWriter.Open(new DvrOptions { Path = _path, BackgroundFlush = false }, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _source.Dispose();
        foreach (var file in Directory.GetFiles(DvrBenchData.Directory, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    [IterationSetup(Target = nameof(Append))]
    public void NextHourInMemory()
    {
        _writer.Flush();
        for (var i = 0; i < Hour; i++)
        {
            _batch[i] = NextTick();
        }
    }

    [IterationSetup(Target = nameof(Flush))]
    public void FiveTicks()
    {
        for (var i = 0; i < 5; i++)
        {
            _writer.Append(NextTick());
        }
    }

    /// <summary>Fills a whole aligned hour (flushing as the daemon would), then starts the next so the hour is due to seal.</summary>
    [IterationSetup(Target = nameof(Seal))]
    public void FullHour()
    {
        _next = _next.AddTicks(TimeSpan.TicksPerHour - (_next.UtcTicks % TimeSpan.TicksPerHour));
        for (var i = 0; i <= Hour; i++)
        {
            if (i % 5 == 0)
            {
                _writer.Flush();
            }

            _writer.Append(NextTick());
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public Snapshot Sample()
    {
        Snapshot last = null!;
        for (var i = 0; i < Samples; i++)
        {
            last = _source.Sample();
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Hour)]
    public void Append()
    {
        foreach (var snapshot in _batch)
        {
            _writer.Append(snapshot);
        }
    }

    [Benchmark]
    public void Flush() => _writer.Flush();

    [Benchmark]
    public void Seal() => _writer.Flush();

    private Snapshot NextTick()
    {
        var snapshot = _templates[_template++ % _templates.Count] with { Timestamp = _next };
        _next = _next.AddSeconds(1);
        return snapshot;
    }
}
