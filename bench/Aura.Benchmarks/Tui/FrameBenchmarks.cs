using Aura.Core.Model;
using Aura.Telemetry;
using Aura.Telemetry.Jetson;
using Aura.Tui;
using Aura.Tui.Render;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Tui;

/// <summary>
/// One `aura top` frame for a 200×60 terminal: every view drawn into the cell buffer, then diffed into terminal bytes.
/// Two real snapshots of this machine (with a parsed Orin Nano tegrastats line, so the Jetson rows are drawn) alternate,
/// so every frame has changed figures to write. Target (issue 15): ≤ 2 ms a frame.
/// </summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private const string Orin = "RAM 2461/7620MB (lfb 3x2MB) SWAP 1243/3810MB (cached 5MB) CPU [19%@729,14%@729,22%@729,8%@729,15%@729,17%@729] EMC_FREQ 4%@2133 GR3D_FREQ 0%@[305] NVDEC off NVJPG off NVJPG1 off VIC off OFA off APE 200 cpu@46.531C soc2@47.312C soc0@46.593C gpu@48.218C tj@48.843C soc1@48.843C VDD_IN 5704mW/5704mW VDD_CPU_GPU_CV 831mW/831mW VDD_SOC 1624mW/1624mW";

    private readonly ScreenBuffer _screen = new(200, 60);
    private readonly FrameWriter _writer = new(ColorMode.TrueColor);
    private readonly TopState _state = new();
    private Snapshot[] _snapshots = [];
    private int _next;

    [Params("Dashboard", "Processes", "Engines")]
    public string View { get; set; } = "Dashboard";

    [GlobalSetup]
    public void Setup()
    {
        using var source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
        var jetson = new TegrastatsParser().Parse(Orin, "tegrastats");
        source.Sample();
        Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System).GetAwaiter().GetResult();
        var first = source.Sample() with { Jetson = jetson };
        Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System).GetAwaiter().GetResult();
        var second = source.Sample() with { Jetson = jetson };
        _snapshots = [first, second];
        for (var i = 0; i < 200; i++)
        {
            _state.Record(_snapshots[i % 2]);
        }

        _state.View = Enum.Parse<TopView>(View);
    }

    [Benchmark]
    public int Frame()
    {
        _state.Live = _snapshots[_next++ & 1];
        TopApp.Render(_screen, _state, Theme.Dark, GraphStyle.Braille, DateTimeOffset.UnixEpoch);
        return _writer.Render(_screen).Length;
    }
}
