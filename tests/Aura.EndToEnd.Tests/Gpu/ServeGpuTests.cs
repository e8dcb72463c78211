using System.Globalization;

namespace Aura.EndToEnd.Tests.Gpu;

/// <summary>
/// A real `aura serve` with a stand-in nvidia-smi on PATH (this machine has no NVIDIA GPU, so NVML is not found and
/// Aura falls back to the tool): its GPUs reach ClaraVerse's /api/stats and /metrics.
/// </summary>
public sealed class ServeGpuTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-serve-gpu-");

    public void Dispose() => _home.Delete(recursive: true);

    [NvidiaSmiFallbackFact]
    public async Task Serve_StandInNvidiaSmiOnPath_ServesItsGpus()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_home.FullName, "bin")).FullName;
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "gpu", "nvidia-smi", "query-gpu-datacenter.csv");
        File.Exists(fixture).ShouldBeTrue(fixture);
        var script = Path.Combine(bin, "nvidia-smi");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\ncase \"$1\" in --query-gpu=*) cat '{fixture}' ;; esac\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var socket = Path.Combine(_home.FullName, "aura.sock");

        await using var serve = AuraProcess.Start(
            _home.FullName, ["serve", "--port", "0", "--interval", "0.2", "--socket", socket], new Dictionary<string, string?> { ["PATH"] = path });
        var listening = (await serve.WaitReadyAsync()).Http;
        using var http = new HttpClient { BaseAddress = listening };

        var gpus = (await Json.ReadAsync(await http.GetAsync(new Uri("/api/stats", UriKind.Relative)))).GetProperty("gpu");
        var nvidia = gpus.EnumerateArray().Where(g => g.GetProperty("name").GetString()!.StartsWith("NVIDIA", StringComparison.Ordinal)).ToArray();
        nvidia.Select(g => g.GetProperty("name").GetString()).ShouldBe(["NVIDIA A100 80GB PCIe", "NVIDIA H100 80GB HBM3"]);
        nvidia[0].GetProperty("usage").GetDouble().ShouldBe(87);
        nvidia[0].GetProperty("memoryTotal").GetInt64().ShouldBe(81920L * 1024 * 1024);
        nvidia[0].GetProperty("powerDraw").GetDouble().ShouldBe(243.12);
        nvidia[0].TryGetProperty("fanSpeed", out _).ShouldBeFalse("[N/A] is absent, never 0");
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("aura_gpu_power_watts{gpu=\"1\",uuid=\"GPU-9a8b7c6d-5e4f-3a2b-1c0d-efab12345678\",name=\"NVIDIA H100 80GB HBM3\"} "
            + 699.45.ToString(CultureInfo.InvariantCulture));

        (await serve.SignalAndWaitAsync("TERM")).ShouldBe(0, serve.Stderr);
    }
}
