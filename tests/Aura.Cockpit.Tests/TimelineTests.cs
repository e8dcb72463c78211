using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

[Collection(CockpitGroup.Name)]
public sealed class TimelineTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task DraggingAcrossTheChart_ZoomsToThatStretch_AndARangeButtonGoesBack()
    {
        await using var cockpit = await fixture.OpenAsync();
        var page = cockpit.Page;
        await page.Locator("button.seg[data-range='900']").ClickAsync();
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<bool>("() => globalThis.__aura?.timelineRange === 900"), "the 15-minute window should be drawn", TimeSpan.FromSeconds(15));
        var over = await page.Locator(".u-over").BoundingBoxAsync();
        over.ShouldNotBeNull();

        await page.Mouse.MoveAsync(over.X + (over.Width * 0.25f), over.Y + (over.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(over.X + (over.Width * 0.5f), over.Y + (over.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();

        await Eventually.TrueAsync(async () => await page.EvaluateAsync<double?>("() => globalThis.__aura.timelineZoom") is > 0 and < 900, "the drag should zoom in", TimeSpan.FromSeconds(10));
        var zoomed = await page.EvaluateAsync<double>("() => globalThis.__aura.timelineZoom");
        zoomed.ShouldBe(900 * 0.25, 900 * 0.05, "a quarter of the window was dragged across");
        (await page.Locator("button.seg[data-active='true']").CountAsync()).ShouldBe(0);
        (await page.Locator("#mode").GetAttributeAsync("data-mode")).ShouldBe("live", "a drag zooms; it does not scrub");

        await page.Locator("button.seg[data-range='300']").ClickAsync();
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<bool>("() => globalThis.__aura.timelineZoom === null && globalThis.__aura.timelineRange === 300"), "a range button should leave the zoom", TimeSpan.FromSeconds(10));
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task AnEventPosted_BecomesAMarkerOnTheLiveTimeline()
    {
        await using var cockpit = await fixture.OpenAsync();
        var page = cockpit.Page;
        await page.Locator("button.seg[data-range='300']").ClickAsync();

        var id = await cockpit.PostEventAsync("cockpit-test", "marker.check", "error", "a marker for the timeline");

        await Eventually.TrueAsync(
            async () => (await page.EvaluateAsync<long[]>("() => globalThis.__aura?.timelineEvents ?? []")).Contains(id),
            "the event should reach the timeline as it scrolls",
            TimeSpan.FromSeconds(20));
        cockpit.Errors.ShouldBeEmpty();
    }
}
