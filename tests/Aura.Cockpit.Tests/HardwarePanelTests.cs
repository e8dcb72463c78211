using System.Text.Json;
using System.Text.Json.Nodes;
using Aura.Cockpit.Tests.Support;
using Microsoft.Playwright;

namespace Aura.Cockpit.Tests;

/// <summary>
/// GPU, Jetson and control panels. This machine has no GPU, no Jetson and no control it can set, so the real daemon's
/// answers are extended in flight with readings of that kind, in the shapes the snapshot and /api/v1/controls use (the
/// panels render whatever fields a reading has); without them the panels stay hidden.
/// </summary>
[Collection(CockpitGroup.Name)]
public sealed class HardwarePanelTests(CockpitFixture fixture)
{
    private static readonly JsonArray Gpus =
    [
        new JsonObject
        {
            ["index"] = 0, ["name"] = "NVIDIA H100 80GB HBM3", ["vendor"] = "nvidia", ["source"] = "nvml", ["utilization_percent"] = 87,
            ["memory_total_bytes"] = 85_899_345_920L, ["memory_used_bytes"] = 42_949_672_960L, ["temperature_celsius"] = 61, ["power_watts"] = 312.5,
        },
    ];

    private static readonly JsonObject Jetson = new()
    {
        ["engines"] = new JsonArray(
            new JsonObject { ["name"] = "GR3D_FREQ", ["off"] = false, ["usage_percent"] = 59, ["frequency_mhz"] = 1300 },
            new JsonObject { ["name"] = "NVDEC", ["off"] = true }),
        ["rails"] = new JsonArray(new JsonObject { ["name"] = "VDD_GPU_SOC", ["current_milliwatts"] = 4010, ["average_milliwatts"] = 3900, ["unit"] = "mW" }),
    };

    [RequiresToolFact(Chromium.Path)]
    public async Task WithoutGpusOrJetson_ThosePanelsStayHidden()
    {
        await using var cockpit = await fixture.OpenAsync();
        var gpus = await cockpit.Page.EvaluateAsync<int>("async () => ((await (await fetch('/api/v1/snapshot')).json()).gpus ?? []).length");

        (await cockpit.Tab("gpus").CountAsync()).ShouldBe(gpus > 0 ? 1 : 0);
        (await cockpit.Page.Locator(".gauge[data-gauge^='gpu']:visible").CountAsync()).ShouldBe(gpus);
        var settable = await cockpit.Page.EvaluateAsync<int>("async () => (await (await fetch('/api/v1/controls')).json()).filter(c => c.supported).length");
        (await cockpit.Tab("controls").CountAsync()).ShouldBe(settable > 0 ? 1 : 0, "the panel shows only where a control can be set");
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task GpuAndJetsonReadings_LightUpTheirPanelsAndTheOverview()
    {
        await using var cockpit = await fixture.OpenAsync(prepare: WithHardwareAsync);

        await cockpit.ShowAsync("gpus");
        var card = cockpit.Panel("gpus").Locator(".card.gpu[data-gpu='0']");
        (await card.Locator("h3").TextContentAsync()).ShouldBe("NVIDIA H100 80GB HBM3 · 0");
        (await card.InnerTextAsync()).ShouldContain("87%");
        (await card.InnerTextAsync()).ShouldContain("40.0 GiB of 80.0 GiB");
        (await card.InnerTextAsync()).ShouldContain("312.5 W");
        (await cockpit.Page.Locator(".gauge[data-gauge='gpu0']").GetAttributeAsync("data-value")).ShouldBe("87%");

        await cockpit.ShowAsync("jetson");
        var jetson = await cockpit.Panel("jetson").InnerTextAsync();
        jetson.ShouldContain("GR3D");
        jetson.ShouldContain("1300 MHz");
        jetson.ShouldContain("VDD_GPU_SOC");
        jetson.ShouldContain("4010 mW");
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task Control_ChangeIsConfirmedFirst_AndARefusalShowsTheServersReason()
    {
        var posted = new List<string>();
        await using var cockpit = await fixture.OpenAsync(prepare: page => WithControlsAsync(page, posted));
        await cockpit.ShowAsync("controls");
        var fan = cockpit.Panel("controls").Locator(".control[data-control='fan']");
        (await fan.Locator(".control-value").TextContentAsync()).ShouldBe("40 %");
        (await cockpit.Panel("controls").Locator(".control[data-control='nvpmodel'] button").IsDisabledAsync()).ShouldBeTrue();
        (await cockpit.Panel("controls").Locator(".control[data-control='nvpmodel']").InnerTextAsync()).ShouldContain("not supported on this machine");
        await fan.Locator("input").FillAsync("60");

        await fan.Locator("button").ClickAsync();
        await cockpit.Page.Locator("dialog.confirm").GetByText("Cancel").ClickAsync();
        posted.ShouldBeEmpty("nothing is sent without confirming");

        await fan.Locator("button").ClickAsync();
        (await cockpit.Page.Locator("dialog.confirm p").TextContentAsync()).ShouldNotBeNull().ShouldContain("from 40 to 60 %");
        await cockpit.Page.Locator("dialog.confirm button[data-confirm]").ClickAsync();

        await fan.Locator(".control-message[data-kind='error']").WaitForAsync();
        (await fan.Locator(".control-message").TextContentAsync()).ShouldBe("Refused: setting fan needs root: run aura serve as root");
        posted.ShouldHaveSingleItem();
        var body = JsonDocument.Parse(posted[0]).RootElement;
        body.GetProperty("control").GetString().ShouldBe("fan");
        body.GetProperty("value").GetString().ShouldBe("60");
        (await fan.Locator(".control-value").TextContentAsync()).ShouldBe("40 %", "a refused change leaves the value as it was");
        cockpit.Errors.ShouldAllBe(e => e.Contains("403", StringComparison.Ordinal), "the refusal's 403 is the only error the browser logs");
    }

    private static async Task WithHardwareAsync(IPage page)
    {
        await page.RouteAsync("**/api/v1/snapshot", async route =>
        {
            var response = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = WithHardware(await response.TextAsync()) });
        });
        await page.RouteWebSocketAsync("**/ws/v1/snapshot", ws =>
        {
            var server = ws.ConnectToServer();
            server.OnMessage(frame => ws.Send(WithHardware(frame.Text ?? "{}")));
        });
    }

    private static string WithHardware(string snapshot)
    {
        var json = JsonNode.Parse(snapshot)!.AsObject();
        json["gpus"] = Gpus.DeepClone();
        json["jetson"] = Jetson.DeepClone();
        return json.ToJsonString();
    }

    private static async Task WithControlsAsync(IPage page, List<string> posted)
    {
        await page.RouteAsync("**/api/v1/session", async route =>
        {
            var response = await route.FetchAsync();
            var json = JsonNode.Parse(await response.TextAsync())!.AsObject();
            json["controls"] = 2;
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = json.ToJsonString() });
        });
        await page.RouteAsync("**/api/v1/controls", async route =>
        {
            if (route.Request.Method == "POST")
            {
                lock (posted)
                {
                    posted.Add(route.Request.PostData ?? "");
                }

                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 403,
                    ContentType = "application/problem+json",
                    Body = """{"title":"Forbidden","status":403,"detail":"setting fan needs root: run aura serve as root","code":"control_error"}""",
                });
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/json",
                Body = """
                    [{"name":"fan","description":"Fan speed","value":"40","options":[],"readonly":false,"min":0,"max":100,"step":1,"requires_sudo":true,"supported":true,"unit":"%"},
                     {"name":"nvpmodel","description":"Power model","value":"","options":["MAXN","15W"],"readonly":false,"requires_sudo":true,"supported":false}]
                    """,
            });
        });
    }
}
