using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

[Collection(CockpitGroup.Name)]
public sealed class LiveTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task SignedIn_LiveFiguresChange()
    {
        await using var cockpit = await fixture.OpenAsync();
        var page = cockpit.Page;
        await page.Locator(".gauge[data-gauge='cpu'][data-value$='%']").WaitForAsync();
        var firstClock = await page.Locator("#mode-label").TextContentAsync();
        var firstFigures = await Figures(cockpit);

        await Eventually.TrueAsync(
            async () => await page.Locator("#mode-label").TextContentAsync() != firstClock && await Figures(cockpit) != firstFigures,
            "the header clock and the overview and process figures should move with each live tick",
            TimeSpan.FromSeconds(10));

        await page.Locator("#conn[data-state='open']").WaitForAsync();
        (await page.Locator("#mode").GetAttributeAsync("data-mode")).ShouldBe("live");
        var cores = await page.EvaluateAsync<int>("async () => (await (await fetch('/api/v1/snapshot')).json()).cpu.cores.length");
        (await page.Locator(".core").CountAsync()).ShouldBe(cores, "one bar per core the snapshot reports");
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task SignedOut_ShowsPublicStatsAndHowToSignIn()
    {
        await using var cockpit = await fixture.OpenAsync(signIn: false);
        var page = cockpit.Page;

        var notice = await page.Locator("#signin").InnerTextAsync();
        notice.ShouldContain("Not signed in");
        notice.ShouldContain("aura serve");
        notice.ShouldContain("/?token=");
        await page.Locator(".gauge[data-gauge='memory'][data-value$='%']").WaitForAsync();
        (await cockpit.Tab("timeline").CountAsync()).ShouldBe(0, "history needs a session");
        (await cockpit.Tab("events").CountAsync()).ShouldBe(0, "events need a session");
        await page.Locator("#conn[data-state='open']").WaitForAsync();
        cockpit.Errors.ShouldBeEmpty();
    }

    [RequiresToolFact(Chromium.Path)]
    public async Task Processes_SortByAColumnHeader()
    {
        await using var cockpit = await fixture.OpenAsync();
        var table = cockpit.Panel("processes");
        await table.Locator("tbody tr").First.WaitForAsync();

        await table.Locator("th[data-key='rss']").ClickAsync();

        (await table.Locator("th[data-key='rss']").GetAttributeAsync("data-sort")).ShouldBe("desc");
        var rss = await cockpit.Page.EvaluateAsync<double[]>(RssScript);
        rss.Length.ShouldBeGreaterThan(1);
        rss.ShouldBe([.. rss.OrderByDescending(v => v)], "rows sorted by resident memory, largest first");
        cockpit.Errors.ShouldBeEmpty();
    }

    private const string RssScript =
        """
        () => [...document.querySelectorAll(".panel[data-panel='processes'] tbody tr")].map(r => {
          const [n, unit] = r.cells[5].textContent.split(' ');
          return Number(n) * ({ B: 1, KiB: 1024, MiB: 1048576, GiB: 1073741824 })[unit];
        })
        """;

    private static async Task<string> Figures(CockpitPage cockpit) =>
        await cockpit.Panel("overview").InnerTextAsync() + await cockpit.Panel("processes").InnerTextAsync();
}
