using System.Diagnostics;
using Aura.Telemetry.Commands;

namespace Aura.Cli.Gui;

/// <summary>
/// How the cockpit is opened: Chromium or Chrome as an app window (<c>--app=URL</c>, its own profile so the window is its
/// own process), else the desktop's default browser (<c>xdg-open</c>, <c>open</c> on macOS). Always an argument list.
/// </summary>
internal static class BrowserLauncher
{
    private static readonly string[] AppBrowsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The process to start, and whether it is an app window whose exit means the user closed the cockpit.</summary>
    public static (ProcessStartInfo Start, bool AppWindow) For(Uri url, string? browser, string? path, string profile)
    {
        var app = browser ?? FindOnPath(AppBrowsers, path);
        if (app is not null)
        {
            var info = new ProcessStartInfo(app) { UseShellExecute = false };
            info.ArgumentList.Add("--app=" + url.AbsoluteUri);
            info.ArgumentList.Add("--user-data-dir=" + profile);
            info.ArgumentList.Add("--no-first-run");
            info.ArgumentList.Add("--no-default-browser-check");
            return (info, true);
        }

        if (OperatingSystem.IsWindows())
        {
            // The shell opens a URL with the default browser; the URL is one argument, never a command line.
            return (new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true }, false);
        }

        var opener = OperatingSystem.IsMacOS() ? "open" : FindOnPath(["xdg-open"], path)
            ?? throw new UsageException("gui: no browser found: install Chromium (or xdg-utils), or name one with --browser");
        var fallback = new ProcessStartInfo(opener) { UseShellExecute = false };
        fallback.ArgumentList.Add(url.AbsoluteUri);
        return (fallback, false);
    }

    internal static string? FindOnPath(IEnumerable<string> names, string? path)
    {
        foreach (var name in names)
        {
            if (ExecutableSearch.Find(name, path) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
