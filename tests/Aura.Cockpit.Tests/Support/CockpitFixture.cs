using Microsoft.Playwright;

namespace Aura.Cockpit.Tests.Support;

/// <summary>
/// One Playwright driver, one headless system Chromium and one real `aura serve` shared by the cockpit tests (each test
/// still gets its own browser context: fresh cookies and localStorage). Nothing starts where Chromium is missing
/// outside CI; the tests skip there.
/// </summary>
public sealed class CockpitFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private AuraServe? _server;

    public IBrowser Browser { get; private set; } = null!;

    internal AuraServe Server => _server ?? throw new InvalidOperationException("the fixture did not start aura serve");

    public async Task InitializeAsync()
    {
        if (!Chromium.Present && !Tools.IsCi)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.Path, Headless = true });
        _server = await AuraServe.StartAsync();
    }

    internal async Task<CockpitPage> OpenAsync(AuraServe? server = null, bool signIn = true, Func<IPage, Task>? prepare = null) =>
        await CockpitPage.OpenAsync(Browser, server ?? Server, signIn, prepare);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
