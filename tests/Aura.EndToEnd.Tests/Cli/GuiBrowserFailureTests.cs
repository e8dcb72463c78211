using System.Globalization;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>
/// `aura gui` where the browser cannot show a window (no display, Chromium as root without its sandbox): a stand-in
/// browser that fails as they do, exiting at once with an error code. Aura must say so and exit non-zero, not claim
/// it opened the cockpit, and stop the daemon it started.
/// </summary>
public sealed class GuiBrowserFailureTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-gui-fail-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Gui_BrowserFailsWithoutADisplay_SaysSoExitsOne_AndStopsTheDaemon()
    {
        var browser = Path.Combine(_home.FullName, "failing-browser");
        await File.WriteAllTextAsync(browser, "#!/bin/sh\necho 'Missing X server or $DISPLAY' >&2\nexit 1\n");
        File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?> { ["DISPLAY"] = "", ["WAYLAND_DISPLAY"] = "" };

        var result = await AuraProcess.RunAsAsync(AuraBinary.Path, _home.FullName, environment,
            ["gui", "--port", port.ToString(CultureInfo.InvariantCulture), "--browser", browser]);

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("aura: gui: failing-browser could not open the cockpit (exit code 1): there is no display to open a window on");
        result.Stdout.ShouldNotContain("opened the cockpit");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health")), "the daemon gui started is stopped again");
    }
}
