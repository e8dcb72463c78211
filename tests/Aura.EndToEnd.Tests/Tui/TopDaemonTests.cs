using System.Diagnostics;
using System.Globalization;

namespace Aura.EndToEnd.Tests.Tui;

/// <summary>
/// `aura top` as a client of a real `aura serve` (emulated tegrastats, stand-in jetson_clocks/nvpmodel on PATH):
/// controls confirmed, refused and unsupported; a process the test started filtered and killed; the DVR rewound.
/// </summary>
public sealed class TopDaemonTests : IDisposable
{
    private const string Key = "top-e2e-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-top-daemon-");
    private readonly JetsonBench _tools = new("dev-vm");

    private string Socket => Path.Combine(_home.FullName, "aura.sock");

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _tools.Dispose();
    }

    [RequiresToolFact("tmux")]
    public async Task Top_ClientOfTheDaemon_ControlsAskFirstAndShowTheDaemonsAnswer()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = await StartDaemonAsync(config);

        await using var top = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--socket", Socket, "--config", config]);
        var screen = await top.WaitForAsync("GR3D_FREQ");
        screen.ShouldContain($"daemon {Socket}");
        await top.SendKeysAsync("4");
        await top.WaitForAsync("jetson_clocks  off");

        await top.SendKeysAsync("c");
        await top.WaitForAsync("Set jetson_clocks to on? [y/N]");
        await top.SendKeysAsync("n");
        await top.WaitForAsync("cancelled");
        _tools.Calls.ShouldNotContain("jetson_clocks ");

        await top.SendKeysAsync("c");
        await top.WaitForAsync("Set jetson_clocks to on? [y/N]");
        await top.SendKeysAsync("y");
        await top.WaitForAsync("jetson_clocks is now on");
        _tools.Calls.ShouldContain("jetson_clocks ");
        await top.WaitForAsync("jetson_clocks  on");

        await top.SendKeysAsync("m");
        await top.WaitForAsync("nvpmodel is not supported here: no power modes");
        await top.SendKeysAsync("f");
        await top.WaitForAsync("fan is not supported here");

        await using var refused = await TmuxTerminal.StartAsync(
            _home.FullName, [AuraBinary.Path, "top", "--socket", Socket], new Dictionary<string, string?> { ["AURA_API_KEY"] = "wrong-key" });
        await refused.WaitForAsync("GR3D_FREQ");
        await refused.SendKeysAsync("4");
        await refused.WaitForAsync("jetson_clocks  on");
        await refused.SendKeysAsync("c");
        await refused.WaitForAsync("Set jetson_clocks to off? [y/N]");
        await refused.SendKeysAsync("y");
        await refused.WaitForAsync("the daemon refused jetson_clocks = off: auth_failed");
        _tools.Calls.ShouldNotContain(c => c.StartsWith("jetson_clocks --restore", StringComparison.Ordinal));
    }

    [RequiresToolFact("tmux")]
    public async Task Top_WithoutADaemon_ControlsSaySoAndReconnectFindsOneLater()
    {
        // A port nothing listens on: a daemon someone runs on the default 8765 must not be found instead.
        var nobody = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var top = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--socket", Socket, "--port", nobody]);
        await top.WaitForAsync("local sampler");

        await top.SendKeysAsync("c");
        await top.WaitForAsync("controls go through the daemon, and none answers");

        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = await StartDaemonAsync(config);
        await top.SendKeysAsync("r");
        await top.WaitForAsync($"connected to the daemon on {Socket}");
        await top.WaitForAsync($"daemon {Socket}");
    }

    [RequiresToolFact("tmux")]
    public async Task Top_FilterAndKill_SendsSigtermToTheChosenProcessAfterConfirmation()
    {
        var victimPath = Path.Combine(_home.FullName, "auratopvictim");
        File.CreateSymbolicLink(victimPath, "/bin/sh");
        using var victim = Process.Start(new ProcessStartInfo(victimPath) { ArgumentList = { "-c", "while :; do :; done" } })!;
        try
        {
            await using var top = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"]);
            await top.WaitForAsync("RAM ");
            await top.SendKeysAsync("2", "/");
            await top.SendLiteralAsync("auratopvictim");
            await top.SendKeysAsync("Enter");
            await top.WaitForAsync("filter 'auratopvictim'");
            await top.WaitForAsync("auratopvictim\n");
            var screen = await top.WaitForAsync("1 of ");
            screen.ShouldContain(victim.Id.ToString(CultureInfo.InvariantCulture));

            await top.SendKeysAsync("k");
            await top.WaitForAsync($"Send SIGTERM to {victim.Id} (auratopvictim)? [y/N]");
            victim.HasExited.ShouldBeFalse();
            await top.SendKeysAsync("y");
            await top.WaitForAsync($"sent SIGTERM to {victim.Id} (auratopvictim)");

            await Eventually.TrueAsync(() => victim.HasExited, "the victim to end on SIGTERM", TimeSpan.FromSeconds(30));
            victim.ExitCode.ShouldBe(128 + 15);
        }
        finally
        {
            if (!victim.HasExited)
            {
                victim.Kill();
            }
        }
    }

    [RequiresToolFact("tmux")]
    public async Task Top_History_FreezesEveryViewAtARecordedMomentThatDiffersFromNow()
    {
        var db = Path.Combine(_home.FullName, "dvr.sqlite");
        var then = Script("then", $"while :; do cat '{TopTerminalTests.Fixture("orin-nano-jp6.txt")}'; sleep 0.2; done");
        var now = Script("now", $"while :; do cat '{TopTerminalTests.Fixture("nano-2gb.txt")}'; sleep 0.2; done");
        var recorded = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = then }, "--watch", "--count", "8", "--interval", "0.3", "--db-path", db);
        recorded.ExitCode.ShouldBe(0, recorded.Stderr);

        await using var top = await TmuxTerminal.StartAsync(
            _home.FullName, [AuraBinary.Path, "top", "--local", "--db-path", db], new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = now });
        await top.WaitForAsync("GR3D_FREQ");
        await top.SendKeysAsync("4");
        var live = await top.WaitForAsync("EMC_FREQ 0%@1600");
        live.ShouldContain(" Live ");

        await top.SendKeysAsync("[");
        var frozen = await top.WaitForAsync("Frozen at");
        frozen = await top.WaitForAsync("EMC_FREQ 4%@2133");
        frozen.ShouldNotContain("EMC_FREQ 0%@1600");

        await top.SendKeysAsync("6");
        var history = await top.WaitForAsync("Top processes then:");
        history.ShouldContain("Frozen at");
        history.ShouldContain("▲");

        await top.SendKeysAsync("l");
        await top.WaitForAsync("Live. Press [");
        await top.SendKeysAsync("4");
        await top.WaitForAsync("EMC_FREQ 0%@1600");
    }

    [RequiresToolFact("tmux")]
    public async Task Jscope_ThroughALink_IsTheClientOfJscopedOnJetsonScopesDefaultSocket()
    {
        var tmp = Directory.CreateDirectory(Path.Combine(_home.FullName, "tmp")).FullName;
        var jetsonScopeSocket = Path.Combine(tmp, "jetsonscope.sock");
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = AuraProcess.Start(
            _home.FullName, ["serve", "--port", "0", "--interval", "0.5", "--socket", jetsonScopeSocket, "--config", config, "--db-path", Path.Combine(_home.FullName, "j.sqlite")]);
        await serve.WaitReadyAsync();
        var link = Path.Combine(_home.FullName, "jscope");
        File.CreateSymbolicLink(link, AuraBinary.Path);

        await using var top = await TmuxTerminal.StartAsync(_home.FullName, [link], new Dictionary<string, string?> { ["TMPDIR"] = tmp });

        await top.WaitForAsync($"daemon {jetsonScopeSocket}");
        await top.SendKeysAsync("q");
        (await top.WaitForExitAsync()).ExitCode.ShouldBe(0);
    }

    private async Task<AuraProcess> StartDaemonAsync(string config)
    {
        var emulator = Script("emulator", $"while :; do cat '{TopTerminalTests.Fixture("nano-2gb.txt")}'; sleep 0.2; done");
        var serve = AuraProcess.Start(
            _home.FullName,
            ["serve", "--port", "0", "--interval", "0.5", "--socket", Socket, "--config", config, "--db-path", Path.Combine(_home.FullName, "t.sqlite")],
            new Dictionary<string, string?>
            {
                ["JETSONSCOPE_STATS_CMD"] = emulator,
                ["PATH"] = _tools.Bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            });
        await serve.WaitReadyAsync();
        return serve;
    }

    private string Script(string name, string body) => TopTerminalTests.Script(_home.FullName, name, body);
}
