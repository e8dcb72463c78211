using System.Globalization;

namespace Aura.EndToEnd.Tests.Tui;

/// <summary>
/// `aura top` as the client of a real `aura serve` reached only over HTTP (no socket answers, the DVR file unknown to it):
/// live figures from /api/v1/snapshot, a rewind through the daemon's DVR over its API, and `r` reconnecting.
/// </summary>
public sealed class TopHttpTests : IDisposable
{
    private const string Key = "top-http-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-top-http-");

    public void Dispose() => _home.Delete(recursive: true);

    [RequiresToolFact("tmux")]
    public async Task Top_DaemonOnlyOverHttp_ShowsItsLiveFiguresAndRewindsThroughItsDvr()
    {
        // Given a daemon whose emulated Jetson reads the Orin line until the test flips it to the Nano's.
        var flip = Path.Combine(_home.FullName, "now");
        var emulator = Path.Combine(_home.FullName, "emulator");
        await File.WriteAllTextAsync(emulator,
            $"#!/bin/sh\nwhile :; do if [ -e '{flip}' ]; then cat '{TopTerminalTests.Fixture("nano-2gb.txt")}'; else cat '{TopTerminalTests.Fixture("orin-nano-jp6.txt")}'; fi; sleep 0.2; done\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(emulator, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = AuraProcess.Start(
            _home.FullName,
            ["serve", "--port", "0", "--interval", "0.5", "--socket", Path.Combine(_home.FullName, "daemon.sock"), "--config", config, "--db-path", Path.Combine(_home.FullName, "daemon-dvr.sqlite")],
            new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = emulator });
        var url = (await serve.WaitReadyAsync()).Http;
        var port = url.Port.ToString(CultureInfo.InvariantCulture);

        // When aura top finds no socket where it looks, and reads the key and nothing else from the daemon's aura.toml.
        await using var top = await TmuxTerminal.StartAsync(
            _home.FullName, [AuraBinary.Path, "top", "--socket", Path.Combine(_home.FullName, "none.sock"), "--port", port, "--config", config, "--interval", "0.5"]);
        var screen = await top.WaitForAsync("EMC_FREQ 4%@2133");
        screen.ShouldContain($"daemon http://127.0.0.1:{port}/");
        screen.ShouldNotContain("local sampler");
        await top.SendKeysAsync("4");
        await top.WaitForAsync("EMC_FREQ 4%@2133");
        await Eventually.TrueAsync(() => OrinRecordedAsync(url), "the daemon's DVR to hold a few Orin ticks", TimeSpan.FromSeconds(60));
        await File.WriteAllTextAsync(flip, "");
        var live = await top.WaitForAsync("EMC_FREQ 0%@1600");
        live.ShouldContain(" Live ");

        // Then stepping back reaches the recorded Orin moment, read from the daemon's DVR over HTTP.
        var frozen = "";
        for (var step = 0; step < 40 && !frozen.Contains("EMC_FREQ 4%@2133", StringComparison.Ordinal); step++)
        {
            await top.SendKeysAsync("[");
            frozen = await top.WaitForAsync("Frozen at");
        }

        frozen = await top.WaitForAsync("EMC_FREQ 4%@2133");
        frozen.ShouldNotContain("EMC_FREQ 0%@1600");

        await top.SendKeysAsync("6");
        var history = await top.WaitForAsync("Top processes then:");
        history.ShouldContain("Frozen at");
        history.ShouldContain("▲");
        history.ShouldContain("◆"); // the daemon's own daemon.start event, a marker from /api/timeline

        await top.SendKeysAsync("l");
        await top.WaitForAsync("Live. Press [");
        await top.SendKeysAsync("r");
        await top.WaitForAsync($"connected to the daemon on http://127.0.0.1:{port}/");
        await top.SendKeysAsync("4");
        await top.WaitForAsync("EMC_FREQ 0%@1600");
    }

    /// <summary>True once the tick recorded two seconds ago already has the Orin's rails (the Nano has no VDD_CPU_GPU_CV).</summary>
    private static async Task<bool> OrinRecordedAsync(Uri daemon)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(daemon, "/api/v1/values?at=" + (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 2).ToString(CultureInfo.InvariantCulture)));
        request.Headers.Add("X-API-Key", Key);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("VDD_CPU_GPU_CV", StringComparison.Ordinal);
    }

    [RequiresToolFact("tmux")]
    public async Task Top_DaemonRefusesTheKey_SaysSoAndSamplesLocally()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = AuraProcess.Start(
            _home.FullName,
            ["serve", "--port", "0", "--socket", Path.Combine(_home.FullName, "daemon.sock"), "--config", config, "--db-path", Path.Combine(_home.FullName, "daemon-dvr.sqlite")]);
        var listening = (await serve.WaitReadyAsync()).Http;
        var port = listening.Port.ToString(CultureInfo.InvariantCulture);

        await using var top = await TmuxTerminal.StartAsync(
            _home.FullName,
            [AuraBinary.Path, "top", "--socket", Path.Combine(_home.FullName, "none.sock"), "--port", port],
            new Dictionary<string, string?> { ["AURA_API_KEY"] = "not-the-key" });

        var screen = await top.WaitForAsync("refused the read key");
        screen.ShouldContain($"http://127.0.0.1:{port}/");
        await top.WaitForAsync("local sampler");
    }
}
