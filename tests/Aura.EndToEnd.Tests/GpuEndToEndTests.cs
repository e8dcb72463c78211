using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;

namespace Aura.EndToEnd.Tests;

/// <summary>The real `aura` with a stand-in nvidia-smi on PATH (this machine has no NVIDIA GPU, so NVML is not found).</summary>
public sealed class GpuEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-e2e-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [SkippableWithoutNvidiaSmiFallbackFact]
    public async Task Json_StandInNvidiaSmiOnPath_SnapshotCarriesItsGpusAndProcessGpuMemory()
    {
        using var smi = StandInNvidiaSmi.Create();

        var result = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["PATH"] = smi.Path }, ["--json", "--no-persist"]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        var snapshot = JsonSerializer.Deserialize(result.Lines.ShouldHaveSingleItem(), AuraJsonContext.Default.Snapshot)!;
        var nvidia = snapshot.Gpus.Where(g => g.Vendor == GpuVendors.Nvidia).ToArray();
        nvidia.Select(g => g.Name).ShouldBe([StandInNvidiaSmi.FirstGpu, StandInNvidiaSmi.SecondGpu]);
        nvidia.ShouldAllBe(g => g.Source == GpuSources.NvidiaSmi);
        nvidia[0].MemoryTotalBytes.ShouldBe(81920L * 1024 * 1024);
        nvidia[0].FanPercent.ShouldBeNull("[N/A] in nvidia-smi's output is absent, never 0");
        nvidia[1].EccCorrectedErrors.ShouldBe(12);
        snapshot.Processes.ShouldNotBeEmpty();
        snapshot.Processes.ShouldAllBe(p => p.GpuMemoryBytes == null || p.GpuMemoryBytes == StandInNvidiaSmi.ProcessGpuMemory);
        snapshot.Processes.Count(p => p.GpuMemoryBytes == StandInNvidiaSmi.ProcessGpuMemory).ShouldBeGreaterThan(0,
            "the stand-in lists every process, so the top-k's that are still running have GPU memory");
        result.Lines[0].ShouldContain("\"source\":\"nvidia-smi\"");
    }

    [SkippableWithoutNvidiaSmiFallbackFact]
    public async Task Text_StandInNvidiaSmiOnPath_PrintsAGpuLinePerGpuAndAGpuMemoryColumn()
    {
        using var smi = StandInNvidiaSmi.Create();

        var result = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["PATH"] = smi.Path }, ["--no-persist"]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain($"gpu 0    {StandInNvidiaSmi.FirstGpu} · 87% · mem 39.3 GiB of 80.0 GiB · 61 °C · 243 W of 300 W · 1410 MHz (mem 1512 MHz) · P0");
        result.Stdout.ShouldContain($"gpu 1    {StandInNvidiaSmi.SecondGpu} · 100%");
        result.Stdout.ShouldContain("throttled: sw_power_cap");
        result.Stdout.ShouldContain("GPU MEM");
        result.Stdout.ShouldContain("1.0 GiB");
    }
}
