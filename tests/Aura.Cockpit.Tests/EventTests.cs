using System.Diagnostics;
using Aura.Cockpit.Tests.Support;
using Microsoft.Playwright;

namespace Aura.Cockpit.Tests;

[Collection(CockpitGroup.Name)]
public sealed class EventTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task PostedEvent_AppearsInTheLiveTail()
    {
        await using var cockpit = await OpenEventsAsync();
        var message = "deploy finished " + Guid.NewGuid().ToString("N");

        var clock = Stopwatch.StartNew();
        var id = await cockpit.PostEventAsync("cockpit-test", "deploy.done", "warn", message);
        var row = cockpit.Panel("events").Locator($"li.event[data-id='{id}']");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
        var seen = clock.Elapsed;

        (await row.Locator(".message").TextContentAsync()).ShouldBe(message);
        (await row.Locator(".source").TextContentAsync()).ShouldBe("cockpit-test");
        (await row.Locator(".type").TextContentAsync()).ShouldBe("deploy.done");
        (await row.GetAttributeAsync("data-level")).ShouldBe("warn");
        Measurements.Record("event_post_to_tail_ms", seen.TotalMilliseconds);
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task EventWithMarkup_IsShownAsText()
    {
        await using var cockpit = await OpenEventsAsync();
        const string markup = "<img src=x onerror=\"window.__pwned = 1\"><b>bold</b>";

        var id = await cockpit.PostEventAsync("cockpit-test", "xss.try", "error", markup);
        var row = cockpit.Panel("events").Locator($"li.event[data-id='{id}']");
        await row.WaitForAsync();

        (await row.Locator(".message").TextContentAsync()).ShouldBe(markup);
        (await row.Locator("img, b").CountAsync()).ShouldBe(0);
        (await cockpit.Page.EvaluateAsync<bool>("() => window.__pwned === undefined")).ShouldBeTrue();
        (await cockpit.Page.Locator("img").CountAsync()).ShouldBe(0);
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task Filters_ShowOnlyMatchingEvents()
    {
        await using var cockpit = await OpenEventsAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var keep = await cockpit.PostEventAsync("filter-a", "job.ok", "info", $"kept {tag}");
        var drop = await cockpit.PostEventAsync("filter-b", "job.ok", "error", $"dropped {tag}");
        var events = cockpit.Panel("events");
        await events.Locator($"li.event[data-id='{drop}']").WaitForAsync();

        await events.Locator("select[data-filter='source']").SelectOptionAsync("filter-a");
        await events.Locator("input[data-filter='search']").FillAsync(tag);

        (await events.Locator("li.event").CountAsync()).ShouldBe(1);
        (await events.Locator($"li.event[data-id='{keep}']").CountAsync()).ShouldBe(1);

        await events.Locator("select[data-filter='source']").SelectOptionAsync("");
        await events.Locator("select[data-filter='level']").SelectOptionAsync("error");
        (await events.Locator("li.event").CountAsync()).ShouldBe(1);
        (await events.Locator($"li.event[data-id='{drop}']").CountAsync()).ShouldBe(1);
        cockpit.Errors.ShouldBeEmpty();
    }

    private async Task<CockpitPage> OpenEventsAsync()
    {
        var cockpit = await fixture.OpenAsync();
        await cockpit.ShowAsync("events");
        await cockpit.Panel("events").Locator(".conn[data-state='open']").WaitForAsync();
        return cockpit;
    }
}
