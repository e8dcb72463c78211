using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

/// <summary>
/// `aura gui` and `aura --gui` as a user runs them, with stand-in browsers on PATH that record how they were started
/// (the real Chromium is driven by the other cockpit tests).
/// </summary>
public sealed class GuiCommandTests : IDisposable
{
    private static readonly string[] KillPaths = ["/usr/bin/kill", "/bin/kill"];

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-gui-");

    [Fact]
    public async Task Gui_NoDaemonRunning_StartsServeOpensAnAppWindowSignedIn_AndStopsServeWhenTheWindowCloses()
    {
        var bin = StandIns("chromium");
        var port = FreePort();

        var (exitCode, stdout, stderr) = await RunAsync(bin, "gui", "--port", port.ToString(CultureInfo.InvariantCulture));

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldContain("Started aura serve");
        var args = Recorded("chromium");
        args[0].ShouldStartWith($"--app=http://127.0.0.1:{port}/?token=");
        args.ShouldContain(a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal));
        (await AnswersAsync(port)).ShouldBeFalse("the daemon gui started stops with its window");
    }

    [Fact]
    public async Task GuiFlag_DaemonAlreadyRunning_OpensItInTheDefaultBrowser_AndLeavesItRunning()
    {
        await using var server = await AuraServe.StartAsync();
        var port = server.Address.Port;
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\nport = {port}\n");
        var bin = StandIns("xdg-open");

        var (exitCode, stdout, stderr) = await RunAsync(bin, "--gui", "--config", config);

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldContain($"Opened the cockpit at http://127.0.0.1:{port}/");
        Recorded("xdg-open").ShouldBe([$"http://127.0.0.1:{port}/"]);
        stderr.ShouldContain("sign in with the link");
        (await AnswersAsync(port)).ShouldBeTrue("a daemon gui did not start keeps running");
    }

    [Fact]
    public async Task Gui_NoBrowserAtAll_SaysSoAndStopsTheDaemonItStarted()
    {
        var bin = StandIns();
        var port = FreePort();

        var (exitCode, _, stderr) = await RunAsync(bin, "gui", "--port", port.ToString(CultureInfo.InvariantCulture));

        exitCode.ShouldBe(2);
        stderr.ShouldContain("no browser found");
        (await AnswersAsync(port)).ShouldBeFalse();
    }

    public void Dispose() => _home.Delete(recursive: true);

    private string StandIns(params string[] names)
    {
        // PATH is this folder alone, so the machine's own browsers (a real /usr/bin/chromium) stay out of reach; kill(1)
        // is linked in because aura gui stops the daemon it started with it.
        var bin = Directory.CreateDirectory(Path.Combine(_home.FullName, "bin")).FullName;
        var kill = KillPaths.First(File.Exists);
        File.CreateSymbolicLink(Path.Combine(bin, "kill"), kill);
        foreach (var name in names)
        {
            var script = Path.Combine(bin, name);
            File.WriteAllText(script, $"#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{Path.Combine(_home.FullName, name + ".args")}'\nexec /bin/sleep 1\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return bin;
    }

    private string[] Recorded(string name)
    {
        var file = Path.Combine(_home.FullName, name + ".args");
        File.Exists(file).ShouldBeTrue($"{name} was not started");
        return File.ReadAllLines(file);
    }

    private Task<AuraResult> RunAsync(string bin, params string[] args) =>
        AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["PATH"] = bin }, args);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
