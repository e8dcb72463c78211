using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

[Collection(CockpitGroup.Name)]
public sealed class ScrubTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task Scrubbing_FreezesEveryPanel_AndLiveResumes()
    {
        await using var cockpit = await fixture.OpenAsync();
        var page = cockpit.Page;
        await page.Locator("button.seg[data-range='300']").ClickAsync();
        // The DVR writes every few seconds: wait until the timeline holds a few recorded points.
        await Eventually.TrueAsync(
            async () => await page.EvaluateAsync<int>("() => globalThis.__aura?.timelinePoints ?? 0") >= 3,
            "the timeline should show recorded points",
            TimeSpan.FromSeconds(30));

        // Scrub with the keyboard: from the live edge, a few seconds back.
        var scrubber = page.Locator(".scrubber");
        await scrubber.FocusAsync();
        for (var i = 0; i < 4; i++)
        {
            await scrubber.PressAsync("ArrowLeft");
        }

        // Each key press asks for its moment; the panels settle when the last answer has landed.
        await page.Locator("#mode[data-mode='frozen']:not([data-pending])").WaitForAsync();
        await page.Locator("#go-live").WaitForAsync();
        (await cockpit.Panel("processes").InnerTextAsync()).ShouldContain("recorded");
        var frozen = await Everything(cockpit);
        var frozenLabel = await page.Locator("#mode-label").TextContentAsync();
        frozenLabel.ShouldNotBeNull().ShouldStartWith("Frozen at ");

        // Live ticks keep arriving underneath; the panels must not move.
        await page.WaitForTimeoutAsync(3000);
        (await Everything(cockpit)).ShouldBe(frozen, "every panel stays at the scrubbed moment");
        (await page.Locator("#mode-label").TextContentAsync()).ShouldBe(frozenLabel);

        await page.Locator("#go-live").ClickAsync();

        await page.Locator("#mode[data-mode='live']").WaitForAsync();
        (await page.Locator("#go-live").IsHiddenAsync()).ShouldBeTrue();
        await Eventually.TrueAsync(async () => await Everything(cockpit) != frozen, "live figures should move again after Live", TimeSpan.FromSeconds(10));
        (await cockpit.Panel("processes").InnerTextAsync()).ShouldContain("live");
        cockpit.Errors.ShouldBeEmpty();
    }

    private static async Task<string> Everything(CockpitPage cockpit) =>
        await cockpit.Panel("overview").InnerTextAsync() + "\n" + await cockpit.Panel("processes").InnerTextAsync();
}
