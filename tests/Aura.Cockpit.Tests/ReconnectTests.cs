using System.Net;
using System.Net.Sockets;
using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

[Collection(CockpitGroup.Name)]
public sealed class ReconnectTests(CockpitFixture fixture)
{
    [RequiresToolFact(Chromium.Path)]
    public async Task DaemonRestart_ShowsReconnecting_ThenComesBackAndSaysTheSessionExpired()
    {
        var port = FreePort();
        await using var first = await AuraServe.StartAsync(port: port);
        await using var cockpit = await fixture.OpenAsync(first);
        var page = cockpit.Page;
        await page.Locator("#conn[data-state='open']").WaitForAsync();

        await first.DisposeAsync();

        await page.Locator("#conn[data-state='retrying']").WaitForAsync();
        (await page.Locator("#conn").TextContentAsync()).ShouldNotBeNull().ShouldStartWith("reconnecting in");

        await using var second = await AuraServe.StartAsync(port: port);

        await page.Locator("#signin").GetByText("Your session has expired").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("#conn[data-state='open']").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator(".gauge[data-gauge='cpu'][data-value$='%']").WaitForAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
