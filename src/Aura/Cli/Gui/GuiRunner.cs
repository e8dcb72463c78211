using System.Text.Json;
using Aura.Cli.Events;
using Aura.Core.Config;

namespace Aura.Cli.Gui;

/// <summary>
/// Opens the cockpit. When a daemon already answers, the browser gets its address (signed in with an API key from
/// <c>AURA_API_KEY</c> or aura.toml when there is one) and this command ends. Otherwise it starts `aura serve`, opens the
/// sign-in link it printed, and stays: closing the app window, Ctrl-C or SIGTERM stops the daemon it started.
/// </summary>
internal static class GuiRunner
{
    public static async Task<int> RunAsync(GuiRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var environment = ProcessEnvironment.Current();
        var config = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: request.ConfigFile), environment);
        var daemon = DaemonAddress.From(config, request.Host, request.Port);
        var url = daemon.Http;
        var profile = Path.Combine(PlatformPaths.DataDirectory(environment) ?? Path.GetTempPath(), "cockpit-browser");
        var path = Environment.GetEnvironmentVariable("PATH");

        if (await IsAuraAsync(url, cancellationToken))
        {
            var key = ReadKey(request);
            var target = key is null ? url : new Uri(url, "/?token=" + Uri.EscapeDataString(key));
            if (key is null)
            {
                await stderr.WriteLineAsync($"aura is already running at {url}; sign in with the link `aura serve` printed (or set AURA_API_KEY) to see more than the public stats");
            }

            var (open, isApp) = BrowserLauncher.For(target, request.Browser, path, profile);
            var (opened, failed) = await BrowserCheck.StartAsync(open, isApp, url, stderr, cancellationToken);
            using (opened)
            {
                if (failed)
                {
                    return ExitCodes.Failure;
                }
            }

            await stdout.WriteLineAsync($"Opened the cockpit at {url}");
            return ExitCodes.Ok;
        }

        var serveArguments = new List<string> { "--host", daemon.Host, "--port", daemon.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (request.ConfigFile is not null)
        {
            serveArguments.AddRange([ConfigOverrides.ConfigFileFlag, request.ConfigFile]);
        }

        await using var child = await DaemonChild.StartAsync(serveArguments, cancellationToken);
        var (start, appWindow) = BrowserLauncher.For(child.LoginUrl, request.Browser, path, profile);
        var (browser, browserFailed) = await BrowserCheck.StartAsync(start, appWindow, child.LoginUrl, stderr, cancellationToken);
        using var started = browser;
        if (browserFailed)
        {
            return ExitCodes.Failure;
        }

        await stdout.WriteLineAsync($"Started aura serve at {url} and opened the cockpit; {(appWindow ? "close the window or press Ctrl-C" : "press Ctrl-C")} to stop it");
        try
        {
            var daemonExit = child.WaitForExitAsync(cancellationToken);
            if (appWindow && browser is not null)
            {
                await Task.WhenAny(browser.WaitForExitAsync(cancellationToken), daemonExit);
            }
            else
            {
                await daemonExit;
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop the daemon below.
        }

        return ExitCodes.Ok;
    }

    private static string? ReadKey(GuiRequest request)
    {
        try
        {
            return EventsDaemon.Resolve(request.Host, request.Port, request.ConfigFile, "read").Key;
        }
        catch (EventsClientException)
        {
            return null;
        }
    }

    private static async Task<bool> IsAuraAsync(Uri url, CancellationToken cancellationToken) =>
        await StatusCommand.TryHealthAsync(url, cancellationToken) is { ValueKind: JsonValueKind.Object } health
        && health.TryGetProperty("service", out var service) && service.GetString() == "aura";
}
