using System.Net;
using System.Text;
using Aura.Server.Hosting;
using Aura.Server.Tests.Support;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Tests.Controls;

public sealed class ControlEndpointTests : IDisposable
{
    private readonly JetsonBench _bench = new();
    private readonly RecordingAudit _audit = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task Get_ReadKey_ListsEveryControlInJetsonScopeShape()
    {
        await using var running = await StartAsync();

        var list = await GetJsonAsync(running, "/api/v1/controls", Keys.Read);

        list.GetArrayLength().ShouldBe(6);
        var fan = list[0];
        Json.PropertyNames(fan).ShouldBe(["name", "description", "value", "options", "readonly", "min", "max", "step", "requires_sudo", "supported", "unit"]);
        (fan.GetProperty("name").GetString(), fan.GetProperty("value").GetString(), fan.GetProperty("max").GetInt32()).ShouldBe(("fan", "40", 100));
    }

    [Fact]
    public async Task Post_ControlKey_SetsTheFanAndAuditsTheChange()
    {
        await using var running = await StartAsync();

        using var response = await PostAsync(running, "{\"control\":\"fan\",\"value\":75}", Keys.Control);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json.ReadAsync(response)).GetProperty("value").GetString().ShouldBe("75");
        _bench.ReadRoot("sys/class/hwmon/hwmon1/pwm1").ShouldBe("191\n");
        var audit = _audit.Events.ShouldHaveSingleItem();
        audit.EventType.ShouldBe("control.set");
        audit.Message.ShouldBe("fan set to 75 (was 40) over http by key 'control'");
        (audit.Data["control"], audit.Data["value"], audit.Data["previous"], audit.Data["via"]).ShouldBe(("fan", "75", "40", "http"));
    }

    [Fact]
    public async Task Post_ReadKey_Is403AndTheRefusalIsAudited()
    {
        await using var running = await StartAsync();

        using var response = await PostAsync(running, "{\"control\":\"fan\",\"value\":\"75\"}", Keys.Read);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe("insufficient_scope");
        _bench.ReadRoot("sys/class/hwmon/hwmon1/pwm1").ShouldBe("102\n");
        var audit = _audit.Events.ShouldHaveSingleItem();
        (audit.EventType, audit.Data["reason"], audit.Data["by"]).ShouldBe(("control.refused", "unauthorised", "key 'read'"));
        audit.Data["error"].ShouldBe("POST /api/v1/controls needs a key with the 'control' scope");
    }

    [Fact]
    public async Task Post_NoKeyEvenOnLoopback_Is401AndAudited()
    {
        await using var running = await StartAsync();

        using var response = await PostAsync(running, "{\"control\":\"fan\",\"value\":\"75\"}", key: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _audit.Events.ShouldHaveSingleItem().Data["by"].ShouldBe("a client without a key");
    }

    [Theory]
    [InlineData("not json", HttpStatusCode.BadRequest, "body", "invalid_body")]
    [InlineData("[1,2]", HttpStatusCode.BadRequest, "body", "invalid_body")]
    [InlineData("{\"value\":\"75\"}", HttpStatusCode.UnprocessableEntity, "control", "invalid_field")]
    [InlineData("{\"control\":\"fan\"}", HttpStatusCode.UnprocessableEntity, "value", "invalid_field")]
    [InlineData("{\"control\":\"fan\",\"value\":{}}", HttpStatusCode.UnprocessableEntity, "value", "invalid_field")]
    [InlineData("{\"control\":\"fan\",\"value\":\"200\"}", HttpStatusCode.UnprocessableEntity, "value", "invalid_value")]
    [InlineData("{\"control\":\"warp\",\"value\":\"1\"}", HttpStatusCode.UnprocessableEntity, "control", "unknown_control")]
    public async Task Post_BadInput_4xxNamingTheFieldAndAudited(string body, HttpStatusCode status, string field, string code)
    {
        await using var running = await StartAsync();

        using var response = await PostAsync(running, body, Keys.Control);

        response.StatusCode.ShouldBe(status);
        var problem = await Json.ReadAsync(response);
        (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()).ShouldBe((field, code));
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        _bench.ReadRoot("sys/class/hwmon/hwmon1/pwm1").ShouldBe("102\n");
        _audit.Events.ShouldHaveSingleItem().EventType.ShouldBe("control.refused");
    }

    [Fact]
    public async Task Post_NotRoot_Is403RequiresRoot()
    {
        await using var running = await StartAsync(root: false);

        using var response = await PostAsync(running, "{\"control\":\"cpu_governor\",\"value\":\"performance\"}", Keys.Admin);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe("requires_root");
        _bench.ReadRoot("sys/devices/system/cpu/cpufreq/policy0/scaling_governor").ShouldBe("schedutil\n");
        _audit.Events.ShouldHaveSingleItem().Data["reason"].ShouldBe("requires_root");
    }

    [Fact]
    public async Task Post_Unsupported_Is409()
    {
        using var plain = new JetsonBench("dev-vm", tools: false);
        using var service = plain.Service();
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, new DaemonParts { Controls = service, Audit = _audit });

        using var response = await PostAsync(running, "{\"control\":\"jetson_clocks\",\"value\":\"on\"}", Keys.Control);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Json.ReadAsync(response);
        (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()).ShouldBe(("control", "unsupported"));
        problem.GetProperty("detail").GetString().ShouldBe("jetson_clocks is not supported on this machine: the jetson_clocks tool is not installed");
    }

    [Fact]
    public async Task Meta_JetsonFixture_DescribesTheBoardAndItsReadings()
    {
        await using var running = await StartAsync();

        var meta = await GetJsonAsync(running, "/api/v1/meta", Keys.Read);

        meta.GetProperty("is_jetson").GetBoolean().ShouldBeTrue();
        meta.GetProperty("model").GetString().ShouldBe("NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super");
        (meta.GetProperty("soc").GetString(), meta.GetProperty("codename").GetString(), meta.GetProperty("cuda_arch").GetString()).ShouldBe(("tegra234", "Orin", "8.7"));
        (meta.GetProperty("l4t_version").GetString(), meta.GetProperty("jetpack_version").GetString()).ShouldBe(("36.4.3", "6.2"));
        meta.GetProperty("module").GetString().ShouldBe("p3767-0005");
        meta.GetProperty("serial_number").GetString().ShouldBe("1421224034567");
        Strings(meta, "nvpmodel_modes").ShouldBe(["15W", "7W", "MAXN_SUPER"]);
        Strings(meta, "power_rails").ShouldBe(["VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"]);
        Strings(meta, "engines").ShouldContain("GR3D_FREQ");
        Strings(meta, "sensors").ShouldBe(["cpu", "soc2", "soc0", "gpu", "tj", "soc1"]);
        await Eventually.TrueAsync(
            async () => Strings(await GetJsonAsync(running, "/api/v1/meta", Keys.Read), "governors").Contains("schedutil"),
            "the governors come from the control states, refreshed in the background");
    }

    [Fact]
    public async Task Metrics_JetsonAndControls_HaveTheirFamilies()
    {
        await using var running = await StartAsync();

        string body = "";
        await Eventually.TrueAsync(async () =>
        {
            body = await GetTextAsync(running, "/metrics", Keys.Read);
            return body.Contains("aura_control_supported{control=\"fan\"} 1", StringComparison.Ordinal);
        }, "control states reach /metrics once refreshed");

        body.ShouldContain("aura_jetson_engine_usage_ratio{engine=\"EMC_FREQ\"} 0.04");
        body.ShouldContain("aura_jetson_engine_frequency_hertz{engine=\"GR3D_FREQ\"} 305000000");
        body.ShouldContain("aura_jetson_engine_on{engine=\"NVDEC\"} 0");
        body.ShouldContain("aura_jetson_engine_value{engine=\"APE\"} 200");
        body.ShouldContain("aura_jetson_rail_power_watts{rail=\"VDD_IN\"} 5.704");
        body.ShouldContain("aura_jetson_temperature_celsius{sensor=\"tj\"} 48.843");
        body.ShouldContain("aura_control_value{control=\"fan\"} 40");
        body.ShouldContain("aura_control_value{control=\"jetson_clocks\"} 0");
        body.ShouldContain("aura_control_info{control=\"nvpmodel\",value=\"15W\"} 1");
        body.ShouldContain("aura_control_info{control=\"cpu_governor\",value=\"schedutil\"} 1");
        body.ShouldNotContain("engine=\"VDD_IN\"");
    }

    [RequiresToolFact("promtool")]
    public async Task Metrics_WithJetsonAndControls_PassPromtoolCheckMetrics()
    {
        var promtool = Tools.Require("promtool");
        await using var running = await StartAsync();
        string body = "";
        await Eventually.TrueAsync(async () =>
        {
            body = await GetTextAsync(running, "/metrics", Keys.Read);
            return body.Contains("aura_control_info", StringComparison.Ordinal);
        }, "control states reach /metrics once refreshed");

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(promtool, ["check", "metrics"], stdin: body);

        exitCode.ShouldBe(0, $"promtool found problems:\n{stdout}{stderr}");
        (stdout + stderr).Trim().ShouldBeEmpty();
    }

    private async Task<RunningServer> StartAsync(bool root = true)
    {
        var service = _bench.Service(root);
        var services = new DaemonParts { Controls = service, Audit = _audit, Hardware = JetsonDetector.Detect(_bench.Root) };
        return await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, services, custom: new JetsonSource());
    }

    private static async Task<HttpResponseMessage> PostAsync(RunningServer running, string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/controls") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        return await running.Http.SendAsync(request);
    }

    private static async Task<System.Text.Json.JsonElement> GetJsonAsync(RunningServer running, string path, string key) =>
        Json.Parse(await GetTextAsync(running, path, key));

    private static async Task<string> GetTextAsync(RunningServer running, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-API-Key", key);
        using var response = await running.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    private static string[] Strings(System.Text.Json.JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
