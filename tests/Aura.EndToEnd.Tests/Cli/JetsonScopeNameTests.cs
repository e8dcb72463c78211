using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>
/// JetsonScope's programs through links to the real `aura`: `jscoped`, `jscopectl`, the `jetson_scope_*` helpers and
/// `JETSONSCOPE_HTTP_ADDR`. The default socket is JetsonScope's <c>/tmp/jetsonscope.sock</c>, under <c>$TMPDIR</c> when
/// that is set: these tests set TMPDIR to a private directory so they never bind the machine's shared /tmp one.
/// </summary>
public sealed class JetsonScopeNameTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-jscope-home-");
    private readonly DirectoryInfo _tmp = Directory.CreateTempSubdirectory("aura-jscope-tmp-");
    private readonly LegacyLinks _links = new();

    private Dictionary<string, string?> Tmp => new() { ["TMPDIR"] = _tmp.FullName };

    public void Dispose()
    {
        _links.Dispose();
        _tmp.Delete(recursive: true);
        _home.Delete(recursive: true);
    }

    [Fact]
    public async Task Jscoped_ListensOnJetsonScopesSocket_JscopectlAndHelpersFindIt()
    {
        await using var daemon = AuraProcess.StartAs(_links["jscoped"], _home.FullName, ["--port", "0", "--interval", "0.2"], Tmp);
        var socket = await daemon.ReadLineStartingWithAsync("  socket", TimeSpan.FromSeconds(60));
        socket.ShouldBe($"  socket   {Path.Combine(_tmp.FullName, "jetsonscope.sock")}");

        var stats = await RunAsync("jscopectl", "stats");
        stats.ExitCode.ShouldBe(0, stats.Stderr);
        stats.Stdout.ShouldStartWith("Source: aura\nTimestamp: Some(\"");
        stats.Stdout.ShouldContain("\nRAM: Some(MemoryStat { used_bytes: ", Case.Sensitive, "off a Jetson, /proc/meminfo's figures");
        var json = await RunAsync("jscopectl", "stats", "--json");
        Json.Parse(json.Stdout).GetProperty("Stats").GetProperty("source").GetString().ShouldBe("aura");
        (await RunAsync("jscopectl", "meta")).Stdout.ShouldEndWith("  Is Jetson: false\n");
        (await RunAsync("jscopectl", "list")).Stdout.ShouldContain("  fan = ");
        (await RunAsync("jscopectl", "health")).Stdout.ShouldStartWith("Daemon Health:\n  Uptime (s): ");
        var set = await RunAsync("jscopectl", "set", "fan", "75");
        set.ExitCode.ShouldBe(1, "no control key: the daemon refuses and says why");
        set.Stderr.ShouldStartWith("Error [auth_failed]: ");

        (await RunAsync("jetson_scope_release")).Stdout.ShouldContain("jetson   no");
        (await RunAsync("jetson_scope_swap")).Stdout.ShouldStartWith("swap     ");
        var snapshot = await RunAsync("jetson_scope_snapshot");
        snapshot.ExitCode.ShouldBe(0, snapshot.Stderr);
        var written = Path.Combine(_tmp.FullName, "snapshot.json");
        snapshot.Stdout.ShouldBe($"wrote {written}\n");
        Json.Parse(await File.ReadAllTextAsync(written)).GetProperty("source").GetString().ShouldBe("aura");
        (await daemon.SignalAndWaitAsync("TERM")).ShouldBe(0, daemon.Stderr);
    }

    [Fact]
    public async Task Jscopectl_ProtoCbor_SpeaksCborOnTheWire_AndPrintsTheAnswerAsJson()
    {
        var path = Path.Combine(_tmp.FullName, "peer.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var environment = new Dictionary<string, string?>(Tmp) { ["JETSONSCOPE_PROTO"] = "cbor", ["JETSONSCOPE_SOCKET_PATH"] = path };
        var client = RunAsync(environment, "jscopectl", "health", "--json");

        using var peer = await listener.AcceptAsync();
        var request = new byte[64];
        var read = 0;
        while (read < 10)
        {
            read += await peer.ReceiveAsync(request.AsMemory(read), SocketFlags.None);
        }

        request[..read].ShouldBe([(byte)0x69, .. "GetHealth"u8.ToArray()], "a CBOR text string, as serde_cbor writes a unit variant");
        using var health = JsonDocument.Parse("""{"Health":{"status":"healthy","uptime_secs":1.5}}""");
        await peer.SendAsync(Aura.Core.Cbor.CborJson.FromJson(health.RootElement), SocketFlags.None);
        peer.Shutdown(SocketShutdown.Both);
        var result = await client;
        result.ExitCode.ShouldBe(0, result.Stderr);
        Json.Parse(result.Stdout).GetProperty("Health").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Jscopectl_ProtoNeitherJsonNorCbor_ExitsTwoNamingTheVariable()
    {
        var result = await RunAsync(new Dictionary<string, string?>(Tmp) { ["TEGRA_PROTO"] = "msgpack" }, "jscopectl", "stats");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("TEGRA_PROTO: 'msgpack' must be json or cbor");
    }

    [Fact]
    public async Task Jscopectl_OnlyTheLegacySocketExists_UsesIt()
    {
        var legacy = Path.Combine(_tmp.FullName, "tegrastats.sock");
        await using var daemon = AuraProcess.StartAs(_links["jscoped"], _home.FullName, ["--port", "0"], new Dictionary<string, string?>(Tmp) { ["TEGRA_SOCKET_PATH"] = legacy });
        (await daemon.ReadLineStartingWithAsync("  socket", TimeSpan.FromSeconds(60))).ShouldBe($"  socket   {legacy}");

        var health = await RunAsync("jscopectl", "health");

        health.ExitCode.ShouldBe(0, health.Stderr);
        health.Stdout.ShouldStartWith("Daemon Health:\n");
    }

    [Fact]
    public async Task Jscopectl_EachCommand_PrintsJetsonScopesLinesAndExitCodes()
    {
        const string key = "jscope-key-0123456789abcdef";
        using var bench = new JetsonBench("dev-vm");
        var emulator = Path.Combine(_home.FullName, "emulator");
        await File.WriteAllTextAsync(emulator, $"#!/bin/sh\nwhile :; do cat '{Path.Combine(AppContext.BaseDirectory, "fixtures", "tegrastats", "nano-2gb.txt")}'; sleep 0.2; done\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(emulator, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{key}\"]\n");
        var environment = new Dictionary<string, string?>(Tmp)
        {
            ["JETSONSCOPE_STATS_CMD"] = emulator,
            ["PATH"] = bench.Bin + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        await using var daemon = AuraProcess.StartAs(_links["jscoped"], _home.FullName, ["--port", "0", "--interval", "0.2", "--config", config], environment);
        await daemon.ReadLineStartingWithAsync("  socket", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => (await RunAsync("jscopectl", "stats")).Stdout.StartsWith("Source: command\n", StringComparison.Ordinal), "the daemon reads the emulator", TimeSpan.FromSeconds(30));

        var stats = await RunAsync("jscopectl", "stats");
        stats.ExitCode.ShouldBe(0, stats.Stderr);
        var lines = stats.Stdout.Split('\n');
        lines[0].ShouldBe("Source: command");
        lines[1].ShouldMatch("""^Timestamp: Some\("\d{4}-\d\d-\d\dT[^"]+"\)$""");
        lines[2..].ShouldBe([
            "RAM: Some(MemoryStat { used_bytes: 654311424, total_bytes: 2096103424, unit: MB, largest_free_block: None })",
            "SWAP: Some(SwapStat { used_bytes: 0, total_bytes: 1047527424, cached_bytes: Some(0), unit: MB })",
            "CPU cores: 6",
            "GPU: 0%",
            "",
        ]);
        (await RunAsync("jscopectl")).Stdout.ShouldStartWith("Source: command\n", Case.Sensitive, "no command is stats, as in JetsonScope");
        var meta = await RunAsync("jscopectl", "meta");
        meta.ExitCode.ShouldBe(0, meta.Stderr);
        meta.Stdout.ShouldMatch("""^Hardware Info:\n  Model: .*\n  SoC: .*\n  L4T: .*\n  JetPack: .*\n  Is Jetson: (true|false)\n$""");
        var list = await RunAsync("jscopectl", "list");
        list.ExitCode.ShouldBe(0, list.Stderr);
        list.Stdout.ShouldStartWith("Available Controls:\n");
        list.Stdout.ShouldContain("\n  jetson_clocks = off (");
        list.Stdout.ShouldContain("\n    [NOT SUPPORTED]\n", Case.Sensitive, "nvpmodel has no power modes here");
        var health = await RunAsync("jscopectl", "health");
        health.Stdout.ShouldMatch("""^Daemon Health:\n  Uptime \(s\): \d+\n  Total requests: \d+\n  Errors: \d+\n  Connected clients: \d+\n  Stats collected: \d+\n""");

        var set = await RunAsync(new Dictionary<string, string?>(environment) { ["JETSONSCOPE_AUTH_TOKEN"] = key }, "jscopectl", "set", "jetson_clocks", "on");
        set.ExitCode.ShouldBe(0, set.Stderr);
        set.Stdout.ShouldBe("Control Updated:\n  jetson_clocks = on\n");
        var bad = await RunAsync(new Dictionary<string, string?>(environment) { ["JETSONSCOPE_AUTH_TOKEN"] = key }, "jscopectl", "set", "jetson_clocks", "toggle");
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldBe("Error [control_error]: jetson_clocks must be on or off, not 'toggle'\n");
        var usage = await RunAsync("jscopectl", "set", "fan");
        usage.ExitCode.ShouldBe(1);
        usage.Stderr.ShouldBe("Error: Usage: jscopectl set <control> <value>\n");
        (await daemon.SignalAndWaitAsync("TERM")).ShouldBe(0, daemon.Stderr);
    }

    [Fact]
    public async Task Jscoped_AlsoAnswersOnTheLegacyTegrastatsSocket_AndRemovesItOnStop()
    {
        var legacy = Path.Combine(_tmp.FullName, "tegrastats.sock");
        await using var daemon = AuraProcess.StartAs(_links["jscoped"], _home.FullName, ["--port", "0"], Tmp);
        await daemon.ReadLineStartingWithAsync("  socket", TimeSpan.FromSeconds(60));

        var health = await RunAsync(new Dictionary<string, string?>(Tmp) { ["TEGRA_SOCKET_PATH"] = legacy }, "jscopectl", "health");

        health.ExitCode.ShouldBe(0, health.Stderr);
        health.Stdout.ShouldStartWith("Daemon Health:\n");
        if (!OperatingSystem.IsWindows())
        {
            (File.GetUnixFileMode(legacy) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)).ShouldBe(UnixFileMode.None, "made as the main socket is (0660)");
        }

        (await daemon.SignalAndWaitAsync("TERM")).ShouldBe(0, daemon.Stderr);
        File.Exists(legacy).ShouldBeFalse();
    }

    [Fact]
    public async Task Jscoped_LinkPlantedAtTheLegacyPath_LeftAloneWithAWarning_TheDaemonServesOn()
    {
        var legacy = Path.Combine(_tmp.FullName, "tegrastats.sock");
        var target = Path.Combine(_home.FullName, "precious.txt");
        await File.WriteAllTextAsync(target, "keep me");
        File.CreateSymbolicLink(legacy, target);
        await using var daemon = AuraProcess.StartAs(_links["jscoped"], _home.FullName, ["--port", "0"], Tmp);
        await daemon.ReadLineStartingWithAsync("  socket", TimeSpan.FromSeconds(60));

        var health = await RunAsync("jscopectl", "health");

        health.ExitCode.ShouldBe(0, health.Stderr);
        (await daemon.SignalAndWaitAsync("TERM")).ShouldBe(0, daemon.Stderr);
        daemon.Stderr.ShouldContain($"Not answering on the legacy socket path {legacy}: --socket: '{legacy}' exists and is not a socket of this user's");
        new FileInfo(legacy).LinkTarget.ShouldBe(target);
        (await File.ReadAllTextAsync(target)).ShouldBe("keep me");
    }

    [Fact]
    public async Task Jscopectl_NoDaemon_ExitsOneNamingTheDefaultSocket()
    {
        var result = await RunAsync("jscopectl", "stats");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe($"Error: Socket not found: {Path.Combine(_tmp.FullName, "jetsonscope.sock")}\n");
    }

    [Fact]
    public async Task JetsonScopeEnv_PrintsTheVariablesInEffect_HidingTokens()
    {
        var result = await AuraProcess.RunAsAsync(_links["jetson_scope_env"], _home.FullName,
            new Dictionary<string, string?>(Tmp) { ["JETSONSCOPE_PROTO"] = "cbor", ["JETSONSCOPE_AUTH_TOKEN"] = "secret-token" }, []);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("JETSONSCOPE_PROTO=cbor\n");
        result.Stdout.ShouldContain("JETSONSCOPE_AUTH_TOKEN=(set, hidden)\n");
        result.Stdout.ShouldContain("TEGRA_SOCKET_PATH (unset)\n");
        result.Stdout.ShouldNotContain("secret-token");
    }

    [Fact]
    public async Task HttpAddr_ServesMetricsAtRootAndMetrics_WithTheToken_NothingElse()
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>(Tmp)
        {
            ["JETSONSCOPE_HTTP_ADDR"] = $"127.0.0.1:{port}",
            ["JETSONSCOPE_METRICS_TOKEN"] = "metrics-token-0123456789",
        };
        await using var daemon = AuraProcess.StartAs(_links["jscoped"], _home.FullName, ["--port", "0"], environment);
        (await daemon.ReadLineStartingWithAsync("  metrics  http://127.0.0.1:" + port, TimeSpan.FromSeconds(60)))
            .ShouldBe($"  metrics  http://127.0.0.1:{port}/ (JETSONSCOPE_HTTP_ADDR: metrics only, at / and /metrics)");
        (await daemon.WaitReadyAsync()).Http.Port.ShouldNotBe(port, "the main address is still the daemon's own");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a metrics token is set");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "metrics-token-0123456789");
        (await http.GetStringAsync(new Uri("/", UriKind.Relative))).ShouldContain("# TYPE aura_memory_total_bytes gauge");
        (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("# TYPE aura_memory_total_bytes gauge");
        (await http.GetAsync(new Uri("/api/stats", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only metrics on this address");
    }

    [Fact]
    public async Task HttpAddr_AllInterfacesWithoutKeysOrToken_RefusedWithTheReason()
    {
        var environment = new Dictionary<string, string?>(Tmp) { ["JETSONSCOPE_HTTP_ADDR"] = "0.0.0.0:" + FreePort.Next().ToString(CultureInfo.InvariantCulture) };

        var result = await AuraProcess.RunAsAsync(_links["jscoped"], _home.FullName, environment, ["--port", "0"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("would expose the metrics beyond this machine");
    }

    [Fact]
    public async Task HttpAddr_NotAnAddress_ExitsTwoNamingTheVariable()
    {
        var environment = new Dictionary<string, string?>(Tmp) { ["JETSONSCOPE_HTTP_ADDR"] = "9090" };

        var result = await AuraProcess.RunAsAsync(_links["jscoped"], _home.FullName, environment, ["--port", "0"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("JETSONSCOPE_HTTP_ADDR: '9090' must be ADDRESS:PORT");
    }

    [Theory]
    [InlineData("emulator", "JETSONSCOPE_TUI_MODE=emulator needs a command whose output to read: set JETSONSCOPE_STATS_CMD")]
    [InlineData("turbo", "JETSONSCOPE_TUI_MODE=turbo is not a mode Aura knows (synthetic, or emulator with JETSONSCOPE_STATS_CMD); ignoring it")]
    public async Task TuiMode_EmulatorWithoutCommandOrUnknown_WarnsInsteadOfStayingSilent(string mode, string warning)
    {
        var environment = new Dictionary<string, string?>(Tmp) { ["JETSONSCOPE_TUI_MODE"] = mode };

        var result = await AuraProcess.RunAsAsync(AuraBinary.Path, _home.FullName, environment, ["--json", "--no-persist"]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldContain($"aura: warning: {warning}");
    }

    [Fact]
    public async Task TuiMode_EmulatorWithACommand_NoWarning()
    {
        var environment = new Dictionary<string, string?>(Tmp) { ["JETSONSCOPE_TUI_MODE"] = "emulator", ["JETSONSCOPE_STATS_CMD"] = "cat /dev/null" };

        var result = await AuraProcess.RunAsAsync(AuraBinary.Path, _home.FullName, environment, ["--json", "--no-persist"]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldNotContain("JETSONSCOPE_TUI_MODE");
    }

    private Task<AuraResult> RunAsync(string tool, params string[] args) =>
        RunAsync(Tmp, tool, args);

    private Task<AuraResult> RunAsync(Dictionary<string, string?> environment, string tool, params string[] args) =>
        AuraProcess.RunAsAsync(_links[tool], _home.FullName, environment, args, workingDirectory: _tmp.FullName);
}
