using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Cli;

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
        stats.Stdout.ShouldStartWith("cpu=");
        var json = await RunAsync("jscopectl", "stats", "--json");
        Json.Parse(json.Stdout).GetProperty("Stats").GetProperty("source").GetString().ShouldBe("aura");
        (await RunAsync("jscopectl", "meta")).Stdout.ShouldContain("jetson   no");
        (await RunAsync("jscopectl", "list")).Stdout.ShouldContain("fan");
        (await RunAsync("jscopectl", "health")).Stdout.ShouldStartWith("status   healthy");
        var set = await RunAsync("jscopectl", "set", "fan", "75");
        set.ExitCode.ShouldBe(1, "no control key: the daemon refuses and says why");
        set.Stderr.ShouldNotBeEmpty();

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
        health.Stdout.ShouldStartWith("status   healthy");
    }

    [Fact]
    public async Task Jscopectl_NoDaemon_ExitsOneNamingTheDefaultSocket()
    {
        var result = await RunAsync("jscopectl", "stats");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain(Path.Combine(_tmp.FullName, "jetsonscope.sock"));
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
