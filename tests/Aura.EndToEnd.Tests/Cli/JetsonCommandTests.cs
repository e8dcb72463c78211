using System.Globalization;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>
/// The real `aura` with JetsonScope's emulator mode: JETSONSCOPE_STATS_CMD names a script that prints a captured
/// tegrastats line, and stand-in jetson_clocks/nvpmodel come first on PATH.
/// </summary>
public sealed class JetsonCommandTests : IDisposable
{
    private const string Key = "jetson-e2e-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-jetson-e2e-");
    private readonly JetsonBench _tools = new("dev-vm");

    private string Socket => Path.Combine(_home.FullName, "aura.sock");

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _tools.Dispose();
    }

    [Fact]
    public async Task Json_StatsCommandCatsAFixture_SnapshotHasTheJetsonSection()
    {
        var script = Script("emulator-once", $"cat '{Fixture("orin-nano-jp6.txt")}'");

        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = script }, "--json", "--no-persist");

        exitCode.ShouldBe(0, stderr);
        var jetson = Json.Parse(stdout.Split('\n')[0]).GetProperty("jetson");
        jetson.GetProperty("source").GetString().ShouldBe("command");
        jetson.GetProperty("line_time").GetString().ShouldBe("11-30-2025 13:26:01");
        jetson.GetProperty("engines").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldContain("GR3D_FREQ");
        jetson.GetProperty("rails")[0].GetProperty("current_milliwatts").GetDouble().ShouldBe(5704);
        jetson.GetProperty("unknown").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Text_StatsCommand_SummaryHasJetsonAndPowerLines()
    {
        var script = Script("emulator-once", $"cat '{Fixture("orin-nano-jp6.txt")}'");

        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = script }, "--no-persist");

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldContain("jetson   (command) EMC_FREQ 4% @2133 MHz, GR3D_FREQ 0% @305 MHz, APE 200, 5 off\n");
        stdout.ShouldContain("power    VDD_IN 5.70 W (avg 5.70), VDD_CPU_GPU_CV 0.83 W (avg 0.83), VDD_SOC 1.62 W (avg 1.62)\n");
    }

    [Fact]
    public async Task Json_StatsCommandThatCannotRun_SaysWhyUnderUnavailable()
    {
        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(
            _home.FullName, new Dictionary<string, string?> { ["AURA_TEGRASTATS_CMD"] = "/nonexistent/emulator --fast" }, "--json", "--no-persist");

        exitCode.ShouldBe(0, stderr);
        var line = Json.Parse(stdout.Split('\n')[0]);
        line.TryGetProperty("jetson", out _).ShouldBeFalse();
        line.GetProperty("unavailable").EnumerateArray().Select(e => e.GetString()).ShouldContain(s => s!.StartsWith("jetson: AURA_TEGRASTATS_CMD: '/nonexistent/emulator' could not run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_UnclosedQuoteInStatsCommand_ExitsTwoNamingTheVariable()
    {
        var (exitCode, _, stderr) = await AuraProcess.RunAsync(
            _home.FullName, new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = "emulator 'open" }, "--json", "--no-persist");

        exitCode.ShouldBe(2);
        stderr.ShouldContain("JETSONSCOPE_STATS_CMD: a single quote is not closed");
    }

    [RequiresToolFact("promtool")]
    public async Task Serve_StatsCommand_ServesJetsonReadingsAndControlsEverywhere()
    {
        var script = Script("emulator", $"while :; do cat '{Fixture("nano-2gb.txt")}'; sleep 0.2; done");
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        var environment = new Dictionary<string, string?>
        {
            ["JETSONSCOPE_STATS_CMD"] = script,
            ["PATH"] = _tools.Bin + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        await using var serve = AuraProcess.Start(
            _home.FullName,
            ["serve", "--port", "0", "--interval", "0.2", "--socket", Socket, "--config", config, "--db-path", Path.Combine(_home.FullName, "t.sqlite")],
            environment);
        var url = (await serve.WaitReadyAsync()).Http;
        var port = url.Port.ToString(CultureInfo.InvariantCulture);

        var stats = Json.Parse((await AuraProcess.RunAsync(_home.FullName, "stats", "--json", "--socket", Socket)).Stdout).GetProperty("Stats");
        stats.GetProperty("source").GetString().ShouldBe("command");
        stats.GetProperty("data").GetProperty("engines").GetProperty("VIC_FREQ").GetProperty("freq_mhz").GetInt32().ShouldBe(1152);
        stats.GetProperty("data").GetProperty("power").GetProperty("VDD_IN").GetProperty("current_mw").GetInt32().ShouldBe(2235);
        stats.GetProperty("data").GetProperty("temps").GetProperty("thermal").GetDouble().ShouldBe(38.12);

        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Add("X-API-Key", Key);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("aura_jetson_engine_frequency_hertz{engine=\"GR3D_FREQ\"} 318000000");
        metrics.ShouldContain("aura_jetson_rail_average_power_watts{rail=\"VDD_SYS_SOC\"} 0.245");
        metrics.ShouldContain("aura_jetson_temperature_celsius{sensor=\"PLL\"} 38");
        var (promExit, promOut, promErr) = await ChildProcess.RunAsync(Tools.Require("promtool"), ["check", "metrics"], stdin: metrics);
        promExit.ShouldBe(0, promOut + promErr);

        var list = await AuraProcess.RunAsync(_home.FullName, "controls", "list", "--socket", Socket);
        list.ExitCode.ShouldBe(0, list.Stderr);
        list.Stdout.ShouldContain("jetson_clocks  off            on off");
        list.Stdout.ShouldContain("nvpmodel       -              unsupported: no power modes in /etc/nvpmodel.conf");

        var refused = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["AURA_API_KEY"] = "wrong-key" }, "controls", "set", "jetson_clocks", "on", "--socket", Socket);
        refused.ExitCode.ShouldBe(1);
        refused.Stderr.ShouldContain("auth_failed");

        var set = await AuraProcess.RunAsync(_home.FullName, "controls", "set", "jetson_clocks", "on", "--socket", Socket, "--config", config);
        set.ExitCode.ShouldBe(0, set.Stderr);
        set.Stdout.ShouldStartWith("jetson_clocks  on");
        _tools.Calls.ShouldContain($"jetson_clocks --store {Path.Combine(_home.FullName, "l4t_dfs.conf")}");
        _tools.Calls.ShouldContain("jetson_clocks ");

        var bad = await AuraProcess.RunAsync(_home.FullName, "controls", "set", "jetson_clocks", "toggle", "--socket", Socket, "--config", config);
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldContain("control_error: jetson_clocks must be on or off, not 'toggle'");

        var audit = await AuraProcess.RunAsync(_home.FullName, "events", "query", "--config", config, "--port", port, "--source", "aura", "--json");
        audit.ExitCode.ShouldBe(0, audit.Stderr);
        var types = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Json.Parse(l).GetProperty("event_type").GetString()).ToList();
        types.Count(t => t == "control.set").ShouldBe(1);
        types.Count(t => t == "control.refused").ShouldBe(2);

        (await serve.SignalAndWaitAsync("TERM")).ShouldBe(0, serve.Stderr);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "tegrastats", name);

    private string Script(string name, string body)
    {
        var path = Path.Combine(_home.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
