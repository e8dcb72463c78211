using System.ComponentModel;
using System.Diagnostics;

namespace Aura.Cli.Gui;

/// <summary>
/// Whether the browser `aura gui` started really opened the cockpit. A browser that cannot show a window (no display,
/// Chromium as root without its sandbox, xdg-open with no browser configured) exits at once with an error code; that
/// is reported, with the likely reason, instead of claiming the cockpit opened.
/// </summary>
internal static class BrowserCheck
{
    /// <summary>How long a browser that fails to start is given to say so; one that is still running by then has opened.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(3);

    /// <summary>The started browser, or null after writing why it could not start.</summary>
    public static async Task<(Process? Browser, bool Failed)> StartAsync(ProcessStartInfo start, bool appWindow, Uri url, TextWriter stderr, CancellationToken cancellationToken)
    {
        Process? browser;
        try
        {
            browser = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            await stderr.WriteLineAsync($"aura: gui: cannot start {start.FileName}: {e.Message}; open {url} in a browser yourself");
            return (null, true);
        }

        if (browser is null)
        {
            return (null, false);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(StartGrace);
        try
        {
            await browser.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            return (browser, false);
        }

        if (browser.ExitCode == 0)
        {
            return (browser, false);
        }

        await stderr.WriteLineAsync(
            $"aura: gui: {Path.GetFileName(start.FileName)} could not open the cockpit (exit code {browser.ExitCode}){Reason(appWindow)}; open {url} in a browser yourself");
        browser.Dispose();
        return (null, true);
    }

    private static string Reason(bool appWindow)
    {
        if (OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            return ": there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)";
        }

        return appWindow && Environment.IsPrivilegedProcess
            ? ": Chromium does not run as root without its sandbox; run `aura gui` as your own user"
            : "";
    }
}
