using System.Net;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>The real `aura serve` process with real clients: HTTP, the socket, `aura status|stats|meta|health`, SIGTERM.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-serve-home-");

    private string Socket => Path.Combine(_home.FullName, "aura.sock");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Serve_PrintsWhereItListens_ServesEveryone_StopsCleanlyOnSigterm()
    {
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--interval", "0.2", "--socket", Socket]);
        var listening = await serve.ReadLineStartingWithAsync("Aura ", TimeSpan.FromSeconds(60));
        var login = await serve.ReadLineStartingWithAsync("  http", TimeSpan.FromSeconds(10));
        var ready = await serve.WaitReadyAsync(TimeSpan.FromSeconds(10));
        var url = ready.Http;
        listening.ShouldEndWith($" is listening on {url}", Case.Sensitive, "the banner and the ready line name one address");
        url.Port.ShouldBeGreaterThan(0, "--port 0: the ready line names the port the system picked");
        login.Trim().ShouldStartWith($"{url}?token=");
        ready.Login.ToString().ShouldBe(login.Trim());
        ready.Socket.ShouldBe(Socket);

        using var http = new HttpClient { BaseAddress = url };
        var health = await Json.ReadAsync(await http.GetAsync(new Uri("/api/health", UriKind.Relative)));
        health.GetProperty("service").GetString().ShouldBe("aura");
        (await http.GetAsync(new Uri("/api/stats", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("# TYPE aura_memory_total_bytes gauge");

        var status = await AuraProcess.RunAsync(_home.FullName, "status", "--port", url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        status.ExitCode.ShouldBe(0, status.Stderr);
        status.Stdout.ShouldStartWith($"aura is running at {url}");

        var stats = await AuraProcess.RunAsync(_home.FullName, "stats", "--socket", Socket);
        stats.ExitCode.ShouldBe(0, stats.Stderr);
        stats.Stdout.ShouldStartWith("cpu=");
        stats.Stdout.ShouldContain("memory ");
        var statsJson = await AuraProcess.RunAsync(_home.FullName, "stats", "--json", "--socket", Socket);
        Json.Parse(statsJson.Stdout).GetProperty("Stats").GetProperty("source").GetString().ShouldBe("aura");
        var meta = await AuraProcess.RunAsync(_home.FullName, "meta", "--socket", Socket);
        meta.Stdout.ShouldContain("jetson   no");
        var healthText = await AuraProcess.RunAsync(_home.FullName, "health", "--socket", Socket);
        healthText.Stdout.ShouldStartWith("status   healthy");
        var healthJson = await AuraProcess.RunAsync(_home.FullName, "health", "--json", "--socket", Socket);
        Json.Parse(healthJson.Stdout).GetProperty("Health").GetProperty("stats_collected").GetInt64().ShouldBeGreaterThan(0);

        var exitCode = await serve.SignalAndWaitAsync("TERM");

        exitCode.ShouldBe(0, serve.Stderr);
        var rest = await serve.ReadRestOfStdoutAsync();
        rest.ShouldContain("aura: stopped");
        (rest + serve.Stderr).ShouldNotContain("dbug:", Case.Sensitive, "the host's debug messages stay out of a stopping daemon's log");
        File.Exists(Socket).ShouldBeFalse("the socket file is removed on a clean stop");
    }

    [Fact]
    public async Task Serve_RecordsIntoTheDvr_AndFlushesOnSigterm()
    {
        var db = Path.Combine(_home.FullName, "serve.sqlite");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--interval", "0.2", "--socket", Socket, "--db-path", db]);
        (await serve.ReadLineStartingWithAsync("  history", TimeSpan.FromSeconds(60))).ShouldBe($"  history  recording to {db}");
        var listening = (await serve.WaitReadyAsync()).Http;
        using var http = new HttpClient { BaseAddress = listening };
        await Eventually.TrueAsync(
            async () => Json.Parse(await http.GetStringAsync(new Uri("/api/health", UriKind.Relative))).GetProperty("ticks").GetInt64() >= 4,
            "four ticks sampled");

        (await serve.SignalAndWaitAsync("TERM")).ShouldBe(0, serve.Stderr);

        var latest = await AuraProcess.RunAsync(_home.FullName, "--latest", "3", "--json", "--db-path", db);
        latest.ExitCode.ShouldBe(0, latest.Stderr);
        latest.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3, "the ticks recorded before SIGTERM were flushed");
    }

    [Fact]
    public async Task Serve_UnusableExplicitDbPath_ExitsTwo()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--port", "0", "--socket", Socket, "--db-path", _home.FullName);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--db-path");
    }

    [Fact]
    public async Task Serve_CtrlC_StopsWithExitZero()
    {
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--socket", Socket]);
        await serve.WaitReadyAsync();

        (await serve.SignalAndWaitAsync("INT")).ShouldBe(0, serve.Stderr);
    }

    [Fact]
    public async Task Serve_NonLoopbackHostWithoutKeys_ExitsTwo()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--host", "0.0.0.0", "--port", "0", "--socket", Socket);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("aura config init");
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--interval", "0")]
    [InlineData("--interval", "0.01")]
    public async Task Serve_BadFlag_ExitsTwo(string flag, string value)
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "serve", flag, value);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(flag);
    }

    [Fact]
    public async Task Serve_PortTaken_ExitsTwoWithOneLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--port", port, "--socket", Socket);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("cannot listen on 127.0.0.1:" + port);
        result.Stderr.ShouldContain("already in use");
        ShouldBeOneLine(result.Stderr);
    }

    [Fact]
    public async Task Serve_HostThisMachineDoesNotHave_ExitsTwoWithOneLine()
    {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a real machine. A non-loopback host needs keys first.
        var config = Path.Combine(_home.FullName, "keys.toml");
        await File.WriteAllTextAsync(config, "[server]\napi_keys = [\"test-key-0123456789abcdef\"]\n");

        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--host", "192.0.2.1", "--port", "0", "--socket", Socket, "--config", config);

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stderr.ShouldContain("192.0.2.1");
        ShouldBeOneLine(result.Stderr);
    }

    [Fact]
    public async Task Serve_SocketPathIsARegularFile_ExitsTwo_AndTheFileIsKept()
    {
        var notes = Path.Combine(_home.FullName, "notes.txt");
        await File.WriteAllTextAsync(notes, "my notes");

        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--port", "0", "--socket", notes);

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stderr.ShouldContain(notes);
        ShouldBeOneLine(result.Stderr);
        (await File.ReadAllTextAsync(notes)).ShouldBe("my notes");
    }

    [Fact]
    public async Task Serve_SocketInUseByAnotherDaemon_ExitsTwoWithOneLine()
    {
        await using var first = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--socket", Socket]);
        await first.WaitReadyAsync();

        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--port", "0", "--socket", Socket,
            "--db-path", Path.Combine(_home.FullName, "second.sqlite"), "--events-path", Path.Combine(_home.FullName, "second-events.sqlite"));

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stderr.ShouldContain("already listening");
        ShouldBeOneLine(result.Stderr);
    }

    [Fact]
    public async Task Serve_LoginScopes_TheBannerSaysWhatTheLinkGrants()
    {
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--socket", Socket, "--login-scopes", "read"]);

        var line = await serve.ReadLineStartingWithAsync("Sign in", TimeSpan.FromSeconds(60));

        line.ShouldContain("this link grants read;");
    }

    [Fact]
    public async Task Serve_LoginScopesUnknown_ExitsTwoNamingIt()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "--port", "0", "--socket", Socket, "--login-scopes", "read,root");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("'root' is not a scope");
    }

    [Fact]
    public async Task Serve_DamagedEventLog_StatusAndHealthSayDegradedWithTheReason()
    {
        var events = Path.Combine(_home.FullName, "events.sqlite");
        await DamagedEventLog.CreateAsync(events);
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--socket", Socket, "--events-path", events]);
        var url = (await serve.WaitReadyAsync()).Http;

        var status = await AuraProcess.RunAsync(_home.FullName, "status", "--port", url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var health = await AuraProcess.RunAsync(_home.FullName, "health", "--socket", Socket);

        status.Stdout.ShouldContain("degraded");
        status.Stdout.ShouldContain(events);
        health.Stdout.ShouldContain("status   degraded");
        health.Stdout.ShouldContain("reason   ");
        health.Stdout.ShouldContain("aura db repair");
    }

    private static void ShouldBeOneLine(string stderr)
    {
        // Informational log lines from before the failure may precede it; the problem itself is one line, once.
        stderr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        stderr.ShouldNotContain(" fail: ", Case.Sensitive, stderr);
        stderr.ShouldNotContain(" crit: ", Case.Sensitive, stderr);
        stderr.Split('\n').Count(line => line.StartsWith("aura: ", StringComparison.Ordinal)).ShouldBe(1, stderr);
    }

    [Fact]
    public async Task Status_NothingRunning_ExitsOne()
    {
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await AuraProcess.RunAsync(_home.FullName, "status", "--port", port);

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBe($"aura is not running at http://127.0.0.1:{port}/\n");
        var json = await AuraProcess.RunAsync(_home.FullName, "status", "--json", "--port", port);
        Json.Parse(json.Stdout).GetProperty("running").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Clients_NoDaemon_ExitOneWithHint()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "stats", "--socket", Socket);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("aura serve");
    }

    [Fact]
    public async Task Serve_HealthLogVariable_WritesJsonLines()
    {
        var log = Path.Combine(_home.FullName, "health.jsonl");
        var environment = new Dictionary<string, string?> { ["JETSONSCOPE_TELEMETRY_LOG"] = log, ["AURA_HEALTH_LOG_INTERVAL"] = "0.2" };
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--socket", Socket], environment);
        await serve.WaitReadyAsync();

        await Eventually.TrueAsync(() => File.Exists(log) && File.ReadAllLines(log).Length >= 2, "health lines in the JetsonScope telemetry log");

        Json.Parse(File.ReadAllLines(log)[0]).TryGetProperty("uptime_secs", out _).ShouldBeTrue();
    }
}
