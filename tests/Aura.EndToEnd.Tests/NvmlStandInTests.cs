using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;

namespace Aura.EndToEnd.Tests;

/// <summary>
/// Aura's real NVML path (run-time loading of libnvidia-ml.so.1, the P/Invoke calls and struct layouts, process-buffer
/// growth) run end to end against a stand-in library built from tests/fixtures/gpu/nvml-stub/nvml_stub.c and put first
/// on LD_LIBRARY_PATH. It checks Aura's side of the ABI, not a real driver: that needs a GPU (NvmlLibraryTests).
/// </summary>
public sealed class NvmlStandInTests : IDisposable
{
    private readonly DirectoryInfo _library = Directory.CreateTempSubdirectory("aura-nvml-stub-");

    public void Dispose() => _library.Delete(recursive: true);

    [RequiresToolFact("gcc")]
    public async Task Json_StandInNvml_GpusComeFromNvmlWithEveryReadingMapped()
    {
        var result = await RunWithStandInAsync("--json");

        var snapshot = JsonSerializer.Deserialize(result.Lines.ShouldHaveSingleItem(), AuraJsonContext.Default.Snapshot)!;
        snapshot.Gpus.Length.ShouldBe(2);
        var a100 = snapshot.Gpus[0];
        a100.Source.ShouldBe(GpuSources.Nvml);
        a100.Name.ShouldBe("NVIDIA A100-SXM4-80GB");
        a100.Uuid.ShouldBe("GPU-00000000-1111-2222-3333-444444444444");
        a100.UtilizationPercent.ShouldBe(91);
        a100.MemoryUtilizationPercent.ShouldBe(47);
        a100.DecoderUtilizationPercent.ShouldBe(5);
        a100.MemoryTotalBytes.ShouldBe(80L << 30);
        a100.MemoryUsedBytes.ShouldBe(40L << 30);
        a100.MemoryFreeBytes.ShouldBe(40L << 30);
        a100.TemperatureCelsius.ShouldBe(66);
        a100.FanPercent.ShouldBe(38);
        a100.PowerWatts.ShouldBe(312.456);
        a100.PowerLimitWatts.ShouldBe(400);
        a100.GraphicsClockMhz.ShouldBe(1410);
        a100.SmClockMhz.ShouldBe(1395);
        a100.MemoryClockMhz.ShouldBe(1593);
        a100.PerformanceState.ShouldBe(0);
        a100.ThrottleReasons.ShouldBe(0x24UL);
        a100.EccCorrectedErrors.ShouldBe(7);
        a100.EccUncorrectedErrors.ShouldBe(1);
        a100.Processes.ShouldNotBeNull().Length.ShouldBeGreaterThan(64, "the stub lists every process, more than Aura's first buffer holds");
        a100.Processes.Value.ShouldAllBe(p => p.UsedMemoryBytes == 256L << 20);
        var rtx = snapshot.Gpus[1];
        rtx.Name.ShouldBe("NVIDIA GeForce RTX 3090");
        rtx.FanPercent.ShouldBeNull("NOT_SUPPORTED is absent, never 0");
        rtx.EccCorrectedErrors.ShouldBeNull();
        rtx.PerformanceState.ShouldBeNull("NVML_PSTATE_UNKNOWN");
        rtx.EncoderUtilizationPercent.ShouldBe(22);
        rtx.Processes.ShouldNotBeNull().ShouldBeEmpty();
        snapshot.Processes.Where(p => p.GpuMemoryBytes is not null).ShouldNotBeEmpty();
        snapshot.Processes.ShouldAllBe(p => p.GpuMemoryBytes == null || p.GpuMemoryBytes == 256L << 20);
    }

    [RequiresToolFact("gcc")]
    public async Task Text_StandInNvml_PrintsBothGpus()
    {
        var result = await RunWithStandInAsync();

        result.Stdout.ShouldContain("gpu 0    NVIDIA A100-SXM4-80GB · 91% · mem 40.0 GiB of 80.0 GiB · 66 °C · 312 W of 400 W · fan 38% · 1410 MHz (mem 1593 MHz) · P0 · throttled: sw_power_cap,sw_thermal_slowdown · 1 uncorrected ECC errors");
        result.Stdout.ShouldContain("gpu 1    NVIDIA GeForce RTX 3090 · 4% · mem 1.0 GiB of 24.0 GiB · 41 °C · 28 W of 350 W · 210 MHz (mem 405 MHz)\n");
    }

    private async Task<AuraResult> RunWithStandInAsync(params string[] args)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "fixtures", "gpu", "nvml-stub", "nvml_stub.c");
        File.Exists(source).ShouldBeTrue(source);
        await Gcc.SharedLibraryAsync(source, _library.FullName, "libnvidia-ml.so.1");
        // First on the loader's path, so the stand-in wins over a real driver's library too.
        var environment = new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = _library.FullName };

        var result = await AuraProcess.RunAsync(_library.FullName, environment, [.. args, "--no-persist"]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        return result;
    }
}
