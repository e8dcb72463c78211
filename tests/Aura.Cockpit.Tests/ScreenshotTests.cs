using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

/// <summary>Screenshots of each main view, saved under tests/Aura.Cockpit.Tests/artifacts (docs/screenshots keeps copies).</summary>
[Collection(CockpitGroup.Name)]
public sealed class ScreenshotTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task EachMainView_IsCapturedWithoutErrors()
    {
        await using var cockpit = await fixture.OpenAsync();
        var page = cockpit.Page;
        await cockpit.PostEventAsync("backup", "job.finished", "info", "nightly backup finished in 42 s");
        await cockpit.PostEventAsync("deploy", "release.rolled_out", "warn", "api v2.3.1 rolled out to 3 of 4 hosts");
        await page.Locator("button.seg[data-range='300']").ClickAsync();
        await Eventually.TrueAsync(
            async () => await page.EvaluateAsync<int>("() => globalThis.__aura?.timelinePoints ?? 0") >= 5,
            "the timeline should hold a few recorded points",
            TimeSpan.FromSeconds(30));

        await cockpit.ScreenshotAsync("overview-dark");
        await cockpit.ShowAsync("events");
        await cockpit.Panel("events").Locator("li.event").First.WaitForAsync();
        await cockpit.ScreenshotAsync("events-dark");
        await cockpit.ShowAsync("timeline");
        var scrubber = page.Locator(".scrubber");
        await scrubber.FocusAsync();
        await scrubber.PressAsync("ArrowLeft");
        await scrubber.PressAsync("ArrowLeft");
        await page.Locator("#mode[data-mode='frozen']").WaitForAsync();
        await cockpit.ScreenshotAsync("scrubbed-dark");
        await page.Locator("#go-live").ClickAsync();
        await page.Locator("#theme").ClickAsync();
        await page.WaitForTimeoutAsync(1200);
        await cockpit.ScreenshotAsync("overview-light");
        await using var signedOut = await fixture.OpenAsync(signIn: false);
        await signedOut.Page.Locator(".gauge[data-gauge='cpu'][data-value$='%']").WaitForAsync();
        await signedOut.ScreenshotAsync("signed-out");

        foreach (var name in new[] { "overview-dark", "events-dark", "scrubbed-dark", "overview-light", "signed-out" })
        {
            var file = new FileInfo(Path.Combine(RepoPaths.Artifacts, name + ".png"));
            file.Exists.ShouldBeTrue(name);
            file.Length.ShouldBeGreaterThan(10_000, $"{name}.png should be a real capture");
        }

        cockpit.Errors.ShouldBeEmpty();
        signedOut.Errors.ShouldBeEmpty();
    }
}
