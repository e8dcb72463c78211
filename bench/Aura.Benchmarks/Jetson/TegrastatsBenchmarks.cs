using Aura.Core.Model;
using Aura.Telemetry.Jetson;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Jetson;

/// <summary>
/// Parsing one tegrastats line (JetPack 6 Orin Nano, and the busiest line with every engine kind). A tick parses at
/// most one line, and none when the line has not changed; what it allocates is the section handed to consumers
/// (its arrays), never the engine, rail or sensor names, which are cached.
/// </summary>
[MemoryDiagnoser]
public class TegrastatsBenchmarks
{
    private const string Orin = "11-30-2025 13:26:01 RAM 2461/7620MB (lfb 3x2MB) SWAP 1243/3810MB (cached 5MB) CPU [19%@729,14%@729,22%@729,8%@729,15%@729,17%@729] EMC_FREQ 4%@2133 GR3D_FREQ 0%@[305] NVDEC off NVJPG off NVJPG1 off VIC off OFA off APE 200 cpu@46.531C soc2@47.312C soc0@46.593C gpu@48.218C tj@48.843C soc1@48.843C VDD_IN 5704mW/5704mW VDD_CPU_GPU_CV 831mW/831mW VDD_SOC 1624mW/1624mW";
    private const string ManyEngines = "RAM 1024/4096MB (lfb 1x1MB) SWAP 0/1024MB (cached 0MB) CPU [10%@1200,20%@1200] EMC_FREQ 25%@1600 MC_FREQ 800 AXI_FREQ 600 GR3D_FREQ 50%@900 NVENC 30%@700 NVDEC 15%@650 NVJPG off NVJPG1 5%@300 VIC 12%@400 OFA 7%@350 ISP 9%@500 NVCSI 3%@250 PCIE 1%@125 NVLINK 2%@400 ISP_UTIL 4% NVCSI_UTIL 6% VDD_IN 5000/5200";

    private readonly TegrastatsParser _parser = new();

    [GlobalSetup]
    public void Setup()
    {
        _parser.Parse(Orin, "tegrastats");
        _parser.Parse(ManyEngines, "tegrastats");
    }

    [Benchmark(Baseline = true)]
    public JetsonSection ParseOrinNano() => _parser.Parse(Orin, "tegrastats");

    [Benchmark]
    public JetsonSection ParseManyEngines() => _parser.Parse(ManyEngines, "tegrastats");
}
