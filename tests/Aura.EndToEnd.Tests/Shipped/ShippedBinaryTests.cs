using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Aura.Core.Cbor;

namespace Aura.EndToEnd.Tests.Shipped;

/// <summary>
/// One real `aura serve` touched on every surface: the embedded cockpit, REST, the WebSocket, /metrics, the SQLite DVR
/// and event log, and the UNIX socket in JSON and CBOR. It runs against the JIT build, and against the Native AOT binary
/// when AURA_TEST_BINARY names it (scripts/test-aot.sh), so a feature that only breaks under AOT fails here.
/// </summary>
public sealed partial class ShippedBinaryTests : IDisposable
{
    private const string Key = "shipped-test-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-shipped-");

    private string Socket => Path.Combine(_home.FullName, "aura.sock");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Serve_EverySurfaceAnswers()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        var db = Path.Combine(_home.FullName, "telemetry.sqlite");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--interval", "0.2", "--config", config, "--db-path", db, "--socket", Socket]);
        var ready = await serve.WaitReadyAsync();
        ready.Socket.ShouldBe(Socket);
        var url = ready.Http;
        using var handler = new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);

        // The cockpit: the page and one of its scripts, both embedded in the binary.
        var page = await http.GetStringAsync(ready.Login);
        var asset = AssetReference().Match(page);
        asset.Success.ShouldBeTrue($"the cockpit page names no /assets/ file: {page[..Math.Min(page.Length, 300)]}");
        var script = await http.GetAsync(new Uri(asset.Value, UriKind.Relative));
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await script.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(0);

        // REST (source-generated JSON), /metrics, the DVR's own stats (SQLite).
        var stats = await Json.ReadAsync(await http.GetAsync(new Uri("/api/stats", UriKind.Relative)));
        stats.GetProperty("memory").GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
        (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("# TYPE aura_memory_total_bytes gauge");
        await Eventually.TrueAsync(async () =>
            (await Json.ReadAsync(await http.GetAsync(new Uri("/api/v1/db/stats", UriKind.Relative)))).GetProperty("samples").GetInt64() > 0,
            "the DVR records ticks", TimeSpan.FromSeconds(30));

        // Events: posted, durable, read back.
        var post = await AuraProcess.RunAsync(_home.FullName, "events", "post", "--config", config, "--port", url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--source", "shipped", "--type", "check.done", "--message", "from the shipped-binary test");
        post.ExitCode.ShouldBe(0, post.Stderr);
        (await http.GetStringAsync(new Uri("/events?source=shipped", UriKind.Relative))).ShouldContain("from the shipped-binary test");

        // The WebSocket: one stats frame.
        var ws = new UriBuilder(url) { Scheme = "ws", Path = "/ws/stats" }.Uri;
        using var socket = await WsClient.ConnectAsync(ws, o => o.SetRequestHeader("Authorization", "Bearer " + Key));
        var frame = await WsClient.ReceiveJsonAsync(socket);
        frame.ShouldNotBeNull("the WebSocket closed before its first frame");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

        // The UNIX socket, in JSON and in CBOR.
        Json.Parse(await UnixClient.RequestAsync(Socket, "\"GetStats\"")).GetProperty("Stats").GetProperty("source").GetString().ShouldBe("aura");
        byte[] cborGetStats = [0x68, .. "GetStats"u8];
        var cbor = await UnixClient.RequestAsync(Socket, [cborGetStats], halfClose: false);
        (cbor[0] >> 5).ShouldBe(5, "a CBOR map, not JSON text");
        CborJson.ToJsonElement(cbor).GetProperty("Stats").GetProperty("source").GetString().ShouldBe("aura");

        (await serve.SignalAndWaitAsync("TERM")).ShouldBe(0, serve.Stderr);
        File.Exists(Socket).ShouldBeFalse("the socket file is removed on a clean stop");
    }

    [GeneratedRegex("/assets/[A-Za-z0-9._-]+\\.js")]
    private static partial Regex AssetReference();
}
