using System.Collections.Immutable;
using System.Text;
using Aura.Controls;
using Aura.Core.Cbor;
using Aura.Core.Config;
using Aura.Server.Hosting;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Jetson;

public sealed class JetsonSocketTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-sock-");

    private string SocketPath => Path.Combine(_directory.FullName, "jetsonscope.sock");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("\"GetStats\"", false)]
    [InlineData("\"GetStats\"", true)]
    [InlineData("{\"GetStats\":null}", false)]
    [InlineData("  \n{\"GetStats\": null}\n", true)]
    public async Task GetStats_AnsweredWithOrWithoutHalfClose(string request, bool halfClose)
    {
        await using var running = await StartAsync();

        var response = Json.Parse(await UnixClient.RequestAsync(SocketPath, request, halfClose));

        var stats = response.GetProperty("Stats");
        stats.GetProperty("source").GetString().ShouldBe("aura");
        var data = stats.GetProperty("data");
        Json.PropertyNames(data).ShouldBe(["timestamp", "ram", "swap", "cpus", "engines", "temps", "power", "raw"]);
        data.GetProperty("ram").GetProperty("total_bytes").GetInt64().ShouldBe(FakeSource.TotalMemory);
        data.GetProperty("ram").GetProperty("unit").GetString().ShouldBe("KB");
        data.GetProperty("cpus").GetArrayLength().ShouldBe(2);
        data.GetProperty("cpus")[0].GetProperty("load_percent").GetInt32().ShouldBe(25);
        data.GetProperty("cpus")[1].GetProperty("freq_mhz").GetInt32().ShouldBe(3200);
        data.GetProperty("temps").GetProperty("hwmon/coretemp/temp1").GetDouble().ShouldBe(55.5);
        stats.GetProperty("snapshot").GetProperty("memory").GetProperty("total_bytes").GetInt64().ShouldBe(FakeSource.TotalMemory);
    }

    [Fact]
    public async Task Request_SplitAcrossWrites_IsAnsweredOnceWhole()
    {
        await using var running = await StartAsync();
        byte[][] chunks = [Encoding.UTF8.GetBytes("{\"Get"), Encoding.UTF8.GetBytes("Meta\":"), Encoding.UTF8.GetBytes("null}")];

        var response = Json.Parse(Encoding.UTF8.GetString(
            await UnixClient.RequestAsync(SocketPath, chunks, halfClose: false, pause: TimeSpan.FromMilliseconds(100))));

        response.TryGetProperty("Meta", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task GetMeta_HasEveryJetsonHardwareField()
    {
        await using var running = await StartAsync();

        var meta = Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"GetMeta\"")).GetProperty("Meta");

        Json.PropertyNames(meta).ShouldBe([
            "is_jetson", "model", "codename", "soc", "module", "board_id", "serial_number", "l4t_version", "jetpack_version",
            "cuda_arch", "governors", "sensors", "power_rails", "engines", "nvpmodel_modes",
            "hostname", "os", "kernel", "cpu_count", "aura_version",
        ]);
        meta.GetProperty("is_jetson").GetBoolean().ShouldBeFalse();
        meta.GetProperty("model").GetString().ShouldBe("Test CPU @ 3.00GHz");
        meta.GetProperty("hostname").GetString().ShouldBe("testhost");
    }

    [Fact]
    public async Task ListControls_NoControls_IsEmptyList()
    {
        await using var running = await StartAsync();

        var response = Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"ListControls\""));

        response.GetProperty("Controls").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task GetHealth_ReportsDaemonHealthFields()
    {
        await using var running = await StartAsync();
        await UnixClient.RequestAsync(SocketPath, "\"GetStats\"");

        var health = Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"GetHealth\"")).GetProperty("Health");

        foreach (var field in new[] { "uptime_secs", "total_requests", "errors", "connected_clients", "stats_collected" })
        {
            health.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        health.GetProperty("total_requests").GetInt64().ShouldBe(2);
        health.GetProperty("connected_clients").GetInt32().ShouldBe(1, "the asking client itself");
        health.GetProperty("stats_collected").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        health.GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Theory]
    [InlineData(null, "auth_failed")]
    [InlineData(Keys.Read, "auth_failed")]
    [InlineData("not-a-key-0123456789abcdef", "auth_failed")]
    [InlineData(Keys.Control, "invalid_control")]
    [InlineData(Keys.Admin, "invalid_control")]
    [InlineData("jetsonscope-token-0123456789", "invalid_control")]
    public async Task SetControl_NeedsAControlKeyOrTheAuthToken(string? token, string code)
    {
        await using var running = await StartAsync(o => o with { Keys = Keys.Set, ControlToken = "jetsonscope-token-0123456789" });
        var tokenJson = token is null ? "null" : $"\"{token}\"";

        var response = Json.Parse(await UnixClient.RequestAsync(SocketPath, $"{{\"SetControl\":{{\"control\":\"fan\",\"value\":\"75\",\"token\":{tokenJson}}}}}"));

        response.GetProperty("Error").GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task SetControl_Authorised_ReturnsTheControlState()
    {
        var controls = new FanControl();
        await using var running = await StartAsync(o => o with { Keys = Keys.Set }, new DaemonParts { Controls = controls });

        var response = Json.Parse(await UnixClient.RequestAsync(SocketPath, $"{{\"SetControl\":{{\"control\":\"fan\",\"value\":\"75\",\"token\":\"{Keys.Control}\"}}}}"));

        var state = response.GetProperty("ControlState");
        state.GetProperty("name").GetString().ShouldBe("fan");
        state.GetProperty("value").GetString().ShouldBe("75");
        state.GetProperty("requires_sudo").GetBoolean().ShouldBeTrue();
        controls.Value.ShouldBe("75");
        Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"ListControls\"")).GetProperty("Controls")[0].GetProperty("value").GetString().ShouldBe("75");
    }

    [Theory]
    [InlineData("\"GetCoffee\"", "unknown request")]
    [InlineData("{\"GetStats\":{\"x\":1}}", "takes no fields")]
    [InlineData("{\"SetControl\":{\"control\":\"fan\"}}", "needs 'value'")]
    [InlineData("\"SetControl\"", "needs its fields")]
    [InlineData("{not json}", "not valid JSON")]
    public async Task BadRequest_IsAnsweredWithAnError(string request, string message)
    {
        await using var running = await StartAsync();

        var error = Json.Parse(await UnixClient.RequestAsync(SocketPath, request)).GetProperty("Error");

        error.GetProperty("code").GetString().ShouldBe("invalid_request");
        error.GetProperty("message").GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task HalfCloseBeforeRequestIsWhole_IsAnsweredWithAnError()
    {
        await using var running = await StartAsync();

        var error = Json.Parse(await UnixClient.RequestAsync(SocketPath, "{\"GetSta", halfClose: true)).GetProperty("Error");

        error.GetProperty("code").GetString().ShouldBe("invalid_request");
    }

    [Fact]
    public async Task SilentClient_IsDisconnectedAfterTheRequestTimeout()
    {
        await using var running = await StartAsync(o => o with { Limits = o.Limits with { SocketRequestTimeout = TimeSpan.FromMilliseconds(300) } });

        var response = await UnixClient.RequestAsync(SocketPath, [], halfClose: false);

        response.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CborGetStats_IsAnsweredInCbor(bool halfClose)
    {
        await using var running = await StartAsync();
        byte[] cborGetStats = [0x68, .. "GetStats"u8];

        var answer = await UnixClient.RequestAsync(SocketPath, [cborGetStats], halfClose);

        (answer[0] >> 5).ShouldBe(5, "a CBOR map, not JSON text");
        var stats = CborJson.ToJsonElement(answer).GetProperty("Stats");
        stats.GetProperty("source").GetString().ShouldBe("aura");
        stats.GetProperty("data").GetProperty("ram").GetProperty("total_bytes").GetInt64().ShouldBe(FakeSource.TotalMemory);
    }

    [Fact]
    public async Task CborSetControl_SplitAcrossWrites_IsAnsweredInCbor()
    {
        await using var running = await StartAsync(o => o with { Keys = Keys.Set });
        var request = CborJson.FromJson(Json.Parse($"{{\"SetControl\":{{\"control\":\"fan\",\"value\":\"75\",\"token\":\"{Keys.Control}\"}}}}"));
        byte[][] chunks = [request[..5], request[5..20], request[20..]];

        var answer = await UnixClient.RequestAsync(SocketPath, chunks, halfClose: false, pause: TimeSpan.FromMilliseconds(50));

        CborJson.ToJsonElement(answer).GetProperty("Error").GetProperty("code").GetString().ShouldBe("invalid_control", "authorised, but this machine has no fan");
    }

    [Fact]
    public async Task MalformedCbor_IsAnsweredWithAnError()
    {
        await using var running = await StartAsync();
        byte[] badUtf8Text = [0x62, 0xC3, 0x28];

        var answer = await UnixClient.RequestAsync(SocketPath, [badUtf8Text], halfClose: false);

        CborJson.ToJsonElement(answer).GetProperty("Error").GetProperty("code").GetString().ShouldBe("invalid_request");
    }

    [Fact]
    public async Task UnknownEncoding_IsAnsweredNotLeftHanging()
    {
        await using var running = await StartAsync();

        var error = Json.Parse(await UnixClient.RequestAsync(SocketPath, "GetStats")).GetProperty("Error");

        error.GetProperty("code").GetString().ShouldBe("unsupported_encoding");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Socket_IsCreated0660_AndRemovedOnStop()
    {
        var running = await StartAsync();

        File.GetUnixFileMode(SocketPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        await running.DisposeAsync();

        File.Exists(SocketPath).ShouldBeFalse();
    }

    [Fact]
    public async Task StaleSocketFile_IsReplaced()
    {
        // What a killed server leaves behind: a socket file at the path that nobody accepts connections on. .NET unlinks
        // the socket files it binds when it disposes them, so the socket is bound elsewhere and moved into place first.
        MakeStaleSocket(SocketPath);

        await using var running = await StartAsync();

        Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"GetHealth\"")).TryGetProperty("Health", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task RegularFileOnThePath_IsRefusedNamingIt_AndKept()
    {
        await File.WriteAllTextAsync(SocketPath, "my notes");
        using var source = new FakeSource(TimeProvider.System);
        await using var server = RunningServer.Build(RunningServer.Defaults with { SocketPath = SocketPath }, source);

        var error = await Should.ThrowAsync<ConfigException>(() => server.StartAsync(CancellationToken.None));

        error.Message.ShouldContain(SocketPath);
        error.Message.ShouldContain("not a socket");
        (await File.ReadAllTextAsync(SocketPath)).ShouldBe("my notes");
    }

    [Fact]
    public async Task SymbolicLinkOnThePath_IsRefused_AndItsTargetKept()
    {
        var target = Path.Combine(_directory.FullName, "target.txt");
        await File.WriteAllTextAsync(target, "keep");
        File.CreateSymbolicLink(SocketPath, target);
        using var source = new FakeSource(TimeProvider.System);
        await using var server = RunningServer.Build(RunningServer.Defaults with { SocketPath = SocketPath }, source);

        await Should.ThrowAsync<ConfigException>(() => server.StartAsync(CancellationToken.None));

        new FileInfo(SocketPath).LinkTarget.ShouldBe(target);
        (await File.ReadAllTextAsync(target)).ShouldBe("keep");
    }

    private void MakeStaleSocket(string path)
    {
        var elsewhere = Path.Combine(_directory.FullName, "bound-elsewhere.sock");
        using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(elsewhere));
            File.Move(elsewhere, path);
        }

        File.Exists(path).ShouldBeTrue("the moved socket file outlives the socket");
    }

    [Fact]
    public async Task LiveServerOnThePath_SecondServerRefuses()
    {
        await using var running = await StartAsync();
        using var source = new FakeSource(TimeProvider.System);
        await using var second = RunningServer.Build(RunningServer.Defaults with { SocketPath = SocketPath }, source);

        var error = await Should.ThrowAsync<ConfigException>(() => second.StartAsync(CancellationToken.None));

        error.Message.ShouldContain("already listening");
        Json.Parse(await UnixClient.RequestAsync(SocketPath, "\"GetHealth\"")).TryGetProperty("Health", out _).ShouldBeTrue("the first server is untouched");
    }

    private Task<RunningServer> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, DaemonParts? parts = null) =>
        RunningServer.StartAsync(o => (configure?.Invoke(o) ?? o) with { SocketPath = SocketPath }, parts);

    private sealed class FanControl : IControlService
    {
        public string Value { get; private set; } = "50";

        public ValueTask<IReadOnlyList<ControlInfo>> ListAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ControlInfo>>([Info()]);

        public ValueTask<ControlResult> SetAsync(string control, string value, CancellationToken cancellationToken)
        {
            Value = value;
            return ValueTask.FromResult(ControlResult.Changed(Info()));
        }

        private ControlInfo Info() => new("fan", "Fan speed", Value, ImmutableArray<string>.Empty, false, 0, 100, 1, true, true, "%");
    }
}
