using Aura.Server.Hosting;
using Aura.Server.Tests.Support;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Tests.Controls;

public sealed class SocketControlTests : IDisposable
{
    private readonly JetsonBench _bench = new();
    private readonly RecordingAudit _audit = new();

    private string SocketPath => Path.Combine(_bench.Directory, "jetsonscope.sock");

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task GetStats_JetsonSection_FillsEnginesRailsTempsAndRaw()
    {
        await using var running = await StartAsync();

        var stats = Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"GetStats\"")).GetProperty("Stats");

        stats.GetProperty("source").GetString().ShouldBe("command");
        var data = stats.GetProperty("data");
        data.GetProperty("raw").GetString().ShouldBe(JetsonSource.Line("orin-nano-jp6.txt"));
        var gpu = data.GetProperty("engines").GetProperty("GR3D_FREQ");
        (gpu.GetProperty("usage_percent").GetInt32(), gpu.GetProperty("freq_mhz").GetInt32()).ShouldBe((0, 305));
        data.GetProperty("engines").GetProperty("APE").GetProperty("raw_value").GetInt32().ShouldBe(200);
        data.GetProperty("engines").GetProperty("NVDEC").TryGetProperty("usage_percent", out _).ShouldBeFalse("an engine that is off has no usage");
        var vin = data.GetProperty("power").GetProperty("VDD_IN");
        (vin.GetProperty("current_mw").GetInt32(), vin.GetProperty("average_mw").GetInt32()).ShouldBe((5704, 5704));
        data.GetProperty("power").TryGetProperty("GR3D_FREQ", out _).ShouldBeFalse();
        data.GetProperty("engines").TryGetProperty("VDD_IN", out _).ShouldBeFalse("rails are never engines");
        data.GetProperty("temps").GetProperty("tj").GetDouble().ShouldBe(48.843);
        data.GetProperty("cpus").GetArrayLength().ShouldBe(6);
        data.GetProperty("ram").GetProperty("total_bytes").GetInt64().ShouldBe(7620L << 20);
        data.GetProperty("swap").GetProperty("cached_bytes").GetInt64().ShouldBe(5L << 20);
    }

    [Fact]
    public async Task GetMeta_JetsonFixture_IsJetson()
    {
        await using var running = await StartAsync();

        var meta = Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"GetMeta\"")).GetProperty("Meta");

        meta.GetProperty("is_jetson").GetBoolean().ShouldBeTrue();
        meta.GetProperty("board_id").GetString().ShouldBe("p3768-0000+p3767-0005-super");
        meta.GetProperty("jetpack_version").GetString().ShouldBe("6.2");
    }

    [Fact]
    public async Task ListControls_ListsTheRealControls()
    {
        await using var running = await StartAsync();

        var controls = Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"ListControls\"")).GetProperty("Controls");

        controls.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["fan", "nvpmodel", "jetson_clocks", "cpu_governor", "gpu_governor", "gpu_railgate"]);
    }

    [Fact]
    public async Task SetControl_ControlKey_ChangesAndAudits()
    {
        await using var running = await StartAsync();

        var answer = Json.Parse(await UnixClient.RequestAsync(SocketPath, $"{{\"SetControl\":{{\"control\":\"nvpmodel\",\"value\":\"MAXN_SUPER\",\"token\":\"{Keys.Control}\"}}}}"));

        answer.GetProperty("ControlState").GetProperty("value").GetString().ShouldBe("MAXN_SUPER");
        _bench.Calls.ShouldContain("nvpmodel -m 2");
        var audit = _audit.Events.ShouldHaveSingleItem();
        (audit.EventType, audit.Data["via"], audit.Data["by"], audit.Data["result"]).ShouldBe(("control.set", "socket", "key 'control'", "MAXN_SUPER"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Keys.Read)]
    [InlineData("not-a-key")]
    public async Task SetControl_WithoutAControlKey_AuthFailedAndAudited(string? token)
    {
        await using var running = await StartAsync();
        var tokenJson = token is null ? "" : $",\"token\":\"{token}\"";

        var error = Json.Parse(await UnixClient.RequestAsync(SocketPath, $"{{\"SetControl\":{{\"control\":\"fan\",\"value\":\"80\"{tokenJson}}}}}")).GetProperty("Error");

        error.GetProperty("code").GetString().ShouldBe("auth_failed");
        _bench.ReadRoot("sys/class/hwmon/hwmon1/pwm1").ShouldBe("102\n");
        var audit = _audit.Events.ShouldHaveSingleItem();
        (audit.EventType, audit.Data["reason"], audit.Data["control"], audit.Data["value"]).ShouldBe(("control.refused", "unauthorised", "fan", "80"));
    }

    [Fact]
    public async Task SetControl_BadValue_ControlErrorWithTheReason()
    {
        await using var running = await StartAsync();

        var error = Json.Parse(await UnixClient.RequestAsync(SocketPath, $"{{\"SetControl\":{{\"control\":\"fan\",\"value\":\"120\",\"token\":\"{Keys.Admin}\"}}}}")).GetProperty("Error");

        (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()).ShouldBe(("control_error", "fan must be a whole number of percent from 0 to 100, not '120'"));
        _audit.Events.ShouldHaveSingleItem().Data["reason"].ShouldBe("invalid_value");
    }

    [Fact]
    public async Task AuraMetaAndControlsList_AgainstAJetson_PrintTheBoardAndEveryControl()
    {
        await using var running = await StartAsync();

        var meta = await AuraProcess.RunAsync(_bench.Directory, "meta", "--socket", SocketPath);
        var list = await AuraProcess.RunAsync(_bench.Directory, "controls", "list", "--socket", SocketPath);
        var json = await AuraProcess.RunAsync(_bench.Directory, "controls", "list", "--json", "--socket", SocketPath);

        meta.ExitCode.ShouldBe(0, meta.Stderr);
        meta.Stdout.ShouldContain("jetson   p3767-0005 (Orin tegra234, CUDA 8.7, L4T 36.4.3, JetPack 6.2)");
        list.ExitCode.ShouldBe(0, list.Stderr);
        list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "control        value          choices",
            "fan            40%            0-100%",
            "nvpmodel       15W            15W 7W MAXN_SUPER",
            "jetson_clocks  off            on off",
            "cpu_governor   schedutil      interactive conservative ondemand userspace powersave performance schedutil",
            "gpu_governor   nvhost_podgov  userspace performance simple_ondemand nvhost_podgov",
            "gpu_railgate   on             on off",
        ]);
        Json.Parse(json.Stdout).GetProperty("Controls").GetArrayLength().ShouldBe(6);
    }

    private async Task<RunningServer> StartAsync()
    {
        var services = new DaemonParts { Controls = _bench.Service(), Audit = _audit, Hardware = JetsonDetector.Detect(_bench.Root) };
        return await RunningServer.StartAsync(o => o with { Keys = Keys.Set, SocketPath = SocketPath }, services, custom: new JetsonSource());
    }
}
