using System.Globalization;
using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Gpu;

/// <summary>The GPUs of a snapshot on every surface of a real server: ClaraVerse's REST, /metrics and Aura's snapshot JSON.</summary>
public sealed class GpuSurfacesTests : IAsyncLifetime
{
    private RunningServer _running = null!;

    public async Task InitializeAsync() =>
        _running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, source: new FakeSource(TimeProvider.System, gpus: SampleGpus.Two));

    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Fact]
    public async Task Stats_Gpus_HaveClaraVerseFieldsAndUnits()
    {
        var stats = await Json.ReadAsync(await _running.Http.GetAsync(new Uri("/api/stats", UriKind.Relative)));

        var gpus = stats.GetProperty("gpu");
        gpus.GetArrayLength().ShouldBe(2);
        var rtx = gpus[0];
        Json.PropertyNames(rtx).ShouldBe(["name", "usage", "memoryTotal", "memoryUsed", "memoryFree", "memoryPercent", "temperature", "fanSpeed", "powerDraw", "clockCore", "clockMemory"]);
        rtx.GetProperty("name").GetString().ShouldBe("NVIDIA GeForce RTX 4090");
        rtx.GetProperty("usage").GetDouble().ShouldBe(98);
        rtx.GetProperty("memoryTotal").GetInt64().ShouldBe(24L << 30);
        rtx.GetProperty("memoryPercent").GetDouble().ShouldBe(75);
        rtx.GetProperty("fanSpeed").GetInt32().ShouldBe(65);
        rtx.GetProperty("powerDraw").GetDouble().ShouldBe(421.37);
        rtx.GetProperty("clockCore").GetInt32().ShouldBe(2745);
        rtx.GetProperty("clockMemory").GetInt32().ShouldBe(10501);
        Json.PropertyNames(gpus[1]).ShouldBe(["name", "usage", "memoryTotal", "memoryUsed", "memoryFree", "memoryPercent", "temperature"],
            "readings the card does not report are left out, never 0");
    }

    [Fact]
    public async Task StatsGpu_Section_IsTheSameList()
    {
        var stats = await Json.ReadAsync(await _running.Http.GetAsync(new Uri("/api/stats", UriKind.Relative)));
        var section = await Json.ReadAsync(await _running.Http.GetAsync(new Uri("/api/stats/gpu", UriKind.Relative)));

        section.ValueKind.ShouldBe(JsonValueKind.Array);
        section.GetRawText().ShouldBe(stats.GetProperty("gpu").GetRawText());
    }

    [Fact]
    public async Task Snapshot_V1_CarriesGpusAndProcessGpuMemory()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        request.Headers.Add("X-API-Key", Keys.Read);
        var snapshot = await Json.ReadAsync(await _running.Http.SendAsync(request));

        var gpus = snapshot.GetProperty("gpus");
        gpus.GetArrayLength().ShouldBe(2);
        gpus[0].GetProperty("uuid").GetString().ShouldBe("GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901");
        gpus[0].GetProperty("processes")[0].GetProperty("used_memory_bytes").GetInt64().ShouldBe(17L << 30);
        gpus[1].TryGetProperty("power_watts", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Metrics_Gpus_LabelledByIndexUuidAndName()
    {
        var lines = (await _running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n');

        Value(lines, "aura_gpu_utilization_ratio{gpu=\"0\",engine=\"gpu\",uuid=\"GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\",name=\"NVIDIA GeForce RTX 4090\"}").ShouldBe(0.98);
        Value(lines, "aura_gpu_memory_used_bytes{gpu=\"0\",uuid=\"GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\",name=\"NVIDIA GeForce RTX 4090\"}").ShouldBe(18L << 30);
        Value(lines, "aura_gpu_power_watts{gpu=\"0\",uuid=\"GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\",name=\"NVIDIA GeForce RTX 4090\"}").ShouldBe(421.37);
        Value(lines, "aura_gpu_clock_hertz{gpu=\"0\",clock=\"memory\",uuid=\"GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\",name=\"NVIDIA GeForce RTX 4090\"}").ShouldBe(10_501e6);
        Value(lines, "aura_gpu_throttle_active{gpu=\"0\",reason=\"sw_power_cap\",uuid=\"GPU-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\",name=\"NVIDIA GeForce RTX 4090\"}").ShouldBe(1);
        Value(lines, "aura_gpu_temperature_celsius{gpu=\"1\",name=\"AMD GPU [1002:73bf]\"}").ShouldBe(45, "a card without a UUID has no uuid label");
        lines.ShouldNotContain(l => l.StartsWith("aura_gpu_power_watts{gpu=\"1\"", StringComparison.Ordinal), "an absent reading is no sample, not 0");
        lines.Count(l => l == "# TYPE aura_gpu_utilization_ratio gauge").ShouldBe(1);
        lines.Count(l => l == "# TYPE aura_gpu_ecc_errors_total counter").ShouldBe(0, "no GPU here reports ECC");
    }

    [RequiresToolFact("promtool")]
    public async Task Metrics_WithGpus_PassesPromtoolCheckMetrics()
    {
        var promtool = Tools.Require("promtool");
        var body = await _running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(promtool, ["check", "metrics"], stdin: body);

        body.ShouldContain("aura_gpu_");
        exitCode.ShouldBe(0, $"promtool found problems:\n{stdout}{stderr}");
        (stdout + stderr).Trim().ShouldBeEmpty();
    }

    private static double Value(string[] lines, string series)
    {
        var line = lines.SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        line.ShouldNotBeNull($"no sample for {series}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
