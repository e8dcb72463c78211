using System.Diagnostics;
using System.Text.Json;
using Aura.Agent.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Agent.Tests.Actions;

/// <summary>The action server against a real X server: what a client sends lands in a real X client.</summary>
public sealed class ActionServerTests
{
    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Type_IntoXtermRunningCat_TextLandsInTheFile()
    {
        await using var host = await AgentHost.StartAsync();
        var file = Path.Combine(host.Directory, "typed.txt");
        using var xterm = await StartCatAsync(host, file);
        await using var client = await host.ConnectAsync();

        (await client.SendAsync("""{"action":"click","x":100,"y":100}""")).ShouldBeSuccess("click");
        (await client.SendAsync("""{"action":"type","text":"Hello, Aura! 42"}""")).ShouldBeSuccess("type");
        (await client.SendAsync("""{"action":"key","key":"enter"}""")).ShouldBeSuccess("key");

        await Eventually.TrueAsync(() => File.Exists(file) && File.ReadAllText(file) == "Hello, Aura! 42\n", "the typed line reaches cat's file");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Key_CtrlC_InterruptsCatAndEndsXterm()
    {
        await using var host = await AgentHost.StartAsync();
        using var xterm = await StartCatAsync(host, Path.Combine(host.Directory, "ignored.txt"));
        await using var client = await host.ConnectAsync(header: "Authorization");

        (await client.SendAsync("""{"action":"move","x":120,"y":120}""")).ShouldBeSuccess("move");
        (await client.SendAsync("""{"action":"key","key":"ctrl+c"}""")).ShouldBeSuccess("key");

        await Eventually.TrueAsync(() => xterm.HasExited, "ctrl+c ends cat, and xterm with it");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Move_Coordinates_XServerReportsThePointerThere()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync();

        (await client.SendAsync("""{"action":"move","x":321,"y":123}""")).ShouldBeSuccess("move");

        (await host.X.XdotoolAsync("getmouselocation")).ShouldStartWith("x:321 y:123 ");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Click_OnXterm_XServerDeliversTheClickToThatWindow()
    {
        await using var host = await AgentHost.StartAsync();
        using var xterm = await StartCatAsync(host, Path.Combine(host.Directory, "ignored.txt"));
        var window = await host.X.XdotoolAsync("search", "--class", "xterm");
        await using var client = await host.ConnectAsync();
        // xdotool selectwindow grabs the pointer and prints the window the next click lands on.
        using var select = host.X.Run("xdotool", "selectwindow");
        var output = new System.Text.StringBuilder();
        select.OutputDataReceived += (_, e) => output.Append(e.Data);
        await Task.Delay(500); // let it grab the pointer; if it has not yet, the click below misses and the test fails

        (await client.SendAsync("""{"action":"click","x":60,"y":60}""")).ShouldBeSuccess("click");

        await Eventually.TrueAsync(() => select.HasExited, "xdotool selectwindow saw a click");
        select.WaitForExit();
        window.Split('\n').ShouldContain(output.ToString().Trim());
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Actions_OutOfBounds_RefusedNamingTheField()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync();

        (await client.SendAsync("""{"action":"click","x":1280,"y":10}""")).ShouldBeRefused("x", "off the screen");
        (await client.SendAsync("""{"action":"click","x":10,"y":-1}""")).ShouldBeRefused("y", "off the screen");
        (await client.SendAsync(JsonSerializer.Serialize(new { action = "type", text = new string('a', 1001) }))).ShouldBeRefused("text", "1000");
        (await client.SendAsync("""{"action":"wait","duration":10.5}""")).ShouldBeRefused("duration", "10");
        (await client.SendAsync("""{"action":"key","key":"; xterm"}""")).ShouldBeRefused("key", "not allowed");
        (await client.SendAsync("""{"action":"key","key":"a"}""")).ShouldBeRefused("key", "not allowed");
        (await client.SendAsync("""{"action":"exec","command":"id"}""")).ShouldBeRefused("action", "unknown action");
        (await client.SendAsync("""{"action":"scroll","direction":"sideways"}""")).ShouldBeRefused("direction", "up, down");
        (await client.SendAsync("not json")).ShouldBeRefused("message", "not JSON");

        (await client.SendAsync("""{"action":"wait","duration":0}""")).ShouldBeSuccess("wait");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Connect_WithoutKey_FirstActionRefusedAndSocketClosed()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync(key: null);

        (await client.SendAsync("""{"action":"click","x":1,"y":1}""")).ShouldBeRefused("api_key", "authenticate first");

        (await client.ClosedByServerAsync()).ShouldBeTrue();
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Connect_WithUnknownKeyHeader_IsRefusedBeforeTheUpgrade()
    {
        await using var host = await AgentHost.StartAsync();

        var error = await Should.ThrowAsync<System.Net.WebSockets.WebSocketException>(() => host.ConnectAsync("not-a-key-0123456789"));

        error.Message.ShouldContain("401");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task AuthMessage_KeyWithoutAgentScope_RefusedAndClosed()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync(key: null);

        (await client.SendAsync($$"""{"type":"auth","api_key":"{{AgentHost.ReadKey}}"}""")).ShouldBeRefused("api_key", "lacks the 'agent' scope");

        (await client.ClosedByServerAsync()).ShouldBeTrue();
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task AuthMessage_AgentKey_ThenActionsWork()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync(key: null);

        var auth = await client.SendAsync($$"""{"type":"auth","api_key":"{{AgentHost.AgentKey}}"}""");

        auth.GetProperty("success").GetBoolean().ShouldBeTrue();
        (await client.SendAsync("""{"action":"move","x":5,"y":5}""")).ShouldBeSuccess("move");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Actions_MoreThanTwentyInOneSecond_TheTwentyFirstIsRefused()
    {
        await using var host = await AgentHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero)));
        await using var client = await host.ConnectAsync();
        for (var i = 0; i < 20; i++)
        {
            (await client.SendAsync($$"""{"action":"move","x":{{i}},"y":{{i}}}""")).ShouldBeSuccess("move");
        }

        (await client.SendAsync("""{"action":"move","x":1,"y":1}""")).ShouldBeRefused("action", "rate limit");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Actions_AllowedAndRefused_AreAuditedAsAgentActionEvents()
    {
        await using var host = await AgentHost.StartAsync();
        await using (var client = await host.ConnectAsync())
        {
            (await client.SendAsync("""{"action":"move","x":7,"y":8}""")).ShouldBeSuccess("move");
            (await client.SendAsync("""{"action":"click","x":99999,"y":8}""")).ShouldBeRefused("x", "off the screen");
        }

        await Eventually.TrueAsync(() => host.Events.Count >= 2, "both actions are in the event log");
        var events = host.Events.ToArray();
        events.ShouldAllBe(e => e.Source == "aura" && e.EventType == "agent.action");
        events.ShouldContain(e => e.Message!.Contains("move (7,8)", StringComparison.Ordinal) && e.Level == Aura.Core.Events.EventLevel.Info);
        events.ShouldContain(e => e.Message!.Contains("refused", StringComparison.Ordinal) && e.Level == Aura.Core.Events.EventLevel.Warn);
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Screenshot_Inline_ReturnsPngAndAPrivateFile()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var answer = await client.SendAsync("""{"action":"screenshot","inline":true}""");

        answer.ShouldBeSuccess("screenshot");
        var path = answer.GetProperty("path").GetString()!;
        path.ShouldStartWith(host.ScreenshotDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var png = Convert.FromBase64String(answer.GetProperty("image").GetString()!);
        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        File.ReadAllBytes(path).ShouldBe(png);
        answer.GetProperty("width").GetInt32().ShouldBe(1280);
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Diff_AfterAWindowOpens_ReportsWhereItChanged()
    {
        await using var host = await AgentHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var first = (await client.SendAsync("""{"action":"diff"}""")).GetProperty("diff");
        first.GetProperty("is_first_frame").GetBoolean().ShouldBeTrue();

        using var xterm = await StartCatAsync(host, Path.Combine(host.Directory, "ignored.txt"));
        var diff = (await client.SendAsync("""{"action":"diff"}""")).GetProperty("diff");

        diff.GetProperty("is_first_frame").GetBoolean().ShouldBeFalse();
        var region = diff.GetProperty("changed_regions")[0];
        region.GetProperty("x").GetInt32().ShouldBe(0);
        region.GetProperty("y").GetInt32().ShouldBe(0);
        diff.GetProperty("summary").GetString()!.ShouldContain("top left");
    }

    [Fact]
    public void Build_NonLoopbackWithoutAgentKey_Refuses()
    {
        var options = new Aura.Agent.Server.AgentEndpointOptions
        {
            Keys = Aura.Server.Auth.ApiKeySet.From([("reader", AgentHost.ReadKey, Aura.Server.Auth.ApiScopes.Read)]),
            Display = ":99",
            Screenshots = new Aura.Agent.Actions.ScreenshotStore(Path.GetTempPath(), TimeProvider.System),
        };

        var error = Should.Throw<AgentException>(() => Aura.Agent.Server.AgentServer.Build("0.0.0.0", 0, options));

        error.Message.ShouldContain("beyond this machine");
    }

    /// <summary>xterm at the top left running <c>cat &gt; file</c>; returns once its window is mapped.</summary>
    private static async Task<Process> StartCatAsync(AgentHost host, string file)
    {
        var xterm = host.X.Run("xterm", "-geometry", "40x10+0+0", "-e", "sh", "-c", "exec cat > \"$0\"", file);
        // xterm starts its child once its window exists; then the window is looked up through the X server.
        await Eventually.TrueAsync(() => File.Exists(file) || xterm.HasExited, "cat opened its file", TimeSpan.FromSeconds(60));
        xterm.HasExited.ShouldBeFalse($"xterm exited with {(xterm.HasExited ? xterm.ExitCode : 0)}");
        await Eventually.TrueAsync(async () => (await host.X.XdotoolAsync("search", "--class", "xterm")).Length > 0, "xterm's window exists", TimeSpan.FromSeconds(60));
        return xterm;
    }
}
