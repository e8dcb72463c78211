using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

[Collection(CockpitGroup.Name)]
public sealed class LayoutTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task MovedPanelTabAndTheme_SurviveAReload()
    {
        await using var cockpit = await fixture.OpenAsync();
        var page = cockpit.Page;
        (await SlotOf(cockpit, "processes")).ShouldBe("side");

        // Move the side slot's active panel (Processes) into the bottom slot, make Events the bottom's active tab, go light.
        await page.Locator(".slot[data-slot='side'] select.move").SelectOptionAsync("bottom");
        await cockpit.ShowAsync("events");
        await page.Locator("#theme").ClickAsync();
        (await SlotOf(cockpit, "processes")).ShouldBe("bottom");

        await page.ReloadAsync();
        await cockpit.WaitReadyAsync();

        (await SlotOf(cockpit, "processes")).ShouldBe("bottom");
        (await cockpit.Tab("events").GetAttributeAsync("aria-selected")).ShouldBe("true");
        (await cockpit.Panel("events").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("html").GetAttributeAsync("data-theme")).ShouldBe("light");

        await page.Locator("#reset-layout").ClickAsync();
        (await SlotOf(cockpit, "processes")).ShouldBe("side");
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task TabsInOneSlot_ShowOnePanelAtATime()
    {
        await using var cockpit = await fixture.OpenAsync();

        await cockpit.ShowAsync("events");

        (await cockpit.Panel("events").IsVisibleAsync()).ShouldBeTrue();
        (await cockpit.Panel("timeline").IsVisibleAsync()).ShouldBeFalse("the timeline shares the bottom slot with events");
        await cockpit.ShowAsync("timeline");
        (await cockpit.Panel("events").IsVisibleAsync()).ShouldBeFalse();
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task DraggingATab_OntoAnotherSlot_MovesThePanelThere()
    {
        await using var cockpit = await fixture.OpenAsync();

        await cockpit.Tab("processes").DragToAsync(cockpit.Page.Locator(".slot[data-slot='main'] .tabs"));

        (await SlotOf(cockpit, "processes")).ShouldBe("main");
        (await cockpit.Panel("processes").IsVisibleAsync()).ShouldBeTrue("a moved panel becomes its new slot's active tab");
        (await cockpit.Page.Locator(".slot[data-slot='side']").IsHiddenAsync()).ShouldBeTrue("an empty slot folds away");
        cockpit.Errors.ShouldBeEmpty();
    }

    private static async Task<string?> SlotOf(CockpitPage cockpit, string panel) =>
        await cockpit.Page.EvaluateAsync<string?>(
            "id => document.querySelector(`.tab[data-panel='${id}']`)?.closest('.slot')?.dataset.slot ?? null", panel);
}
