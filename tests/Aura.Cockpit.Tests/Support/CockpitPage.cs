using Microsoft.Playwright;

namespace Aura.Cockpit.Tests.Support;

/// <summary>A browser context on the cockpit: its page, and every console error and uncaught exception it produced.</summary>
internal sealed class CockpitPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private CockpitPage(IBrowserContext context, IPage page, AuraServe server)
    {
        Context = context;
        Page = page;
        Server = server;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public AuraServe Server { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<CockpitPage> OpenAsync(IBrowser browser, AuraServe server, bool signIn, Func<IPage, Task>? prepare = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var cockpit = new CockpitPage(context, await context.NewPageAsync(), server);
        if (prepare is not null)
        {
            await prepare(cockpit.Page);
        }

        await cockpit.Page.GotoAsync((signIn ? server.LoginUrl : server.Address).ToString());
        await cockpit.WaitReadyAsync();
        return cockpit;
    }

    /// <summary>Waits until the first figures are on screen.</summary>
    public async Task WaitReadyAsync() =>
        await Page.Locator("html[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public ILocator Panel(string id) => Page.Locator($".panel[data-panel='{id}']");

    public ILocator Tab(string id) => Page.Locator($".tab[data-panel='{id}']");

    public async Task ShowAsync(string id)
    {
        await Tab(id).ClickAsync();
        await Panel(id).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    /// <summary>Posts an event from the page itself (same origin, its session cookie); returns the id the server gave it.</summary>
    public async Task<long> PostEventAsync(string source, string type, string level, string message)
    {
        var id = await Page.EvaluateAsync<long>(
            """
            async ([source, type, level, message]) => {
              const r = await fetch('/events', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ source, event_type: type, level, message }) });
              if (r.status !== 201) throw new Error(`POST /events answered ${r.status}: ${await r.text()}`);
              return (await r.json()).event_id;
            }
            """,
            new[] { source, type, level, message });
        return id;
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, name + ".png") });

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
