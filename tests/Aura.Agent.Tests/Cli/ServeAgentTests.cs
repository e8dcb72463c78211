using Aura.Agent.Tests.Actions;
using Aura.Agent.Tests.Support;

namespace Aura.Agent.Tests.Cli;

/// <summary>`aura serve` with <c>[agent] enabled = true</c>: the action server at /ws/agent and screen activity series.</summary>
public sealed class ServeAgentTests : IDisposable
{
    private const string Key = "agent-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-serve-agent-");

    public void Dispose() => _home.Delete(recursive: true);

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Serve_AgentEnabled_ServesActionsAtWsAgentAndRecordsScreenActivity()
    {
        using var x = Xvfb.Start(800, 600);
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"""
            [server.keys]
            agent = ["{Key}"]

            [agent]
            enabled = true
            display = "{x.Display}"
            screenshot_dir = "{Path.Combine(_home.FullName, "shots")}"
            """);
        await using var serve = AuraProcess.Start(_home.FullName,
            ["serve", "--port", "0", "--interval", "0.2", "--config", config, "--db-path", Path.Combine(_home.FullName, "dvr.sqlite"), "--events-path", Path.Combine(_home.FullName, "events.sqlite")]);
        await serve.ReadLineStartingWithAsync("  agent", TimeSpan.FromSeconds(90)); // the banner names the agent
        var http = (await serve.WaitReadyAsync()).Http;
        serve.DrainStdout();
        var ws = new UriBuilder(http) { Scheme = "ws", Path = "/ws/agent" }.Uri;

        await using (var client = await AgentClient.ConnectAsync(ws, Key))
        {
            (await client.SendAsync("""{"action":"move","x":400,"y":300}""")).ShouldBeSuccess("move");
        }

        (await x.XdotoolAsync("getmouselocation")).ShouldStartWith("x:400 y:300 ");
        await using (var anonymous = await AgentClient.ConnectAsync(ws, null))
        {
            (await anonymous.SendAsync("""{"action":"move","x":1,"y":1}""")).ShouldBeRefused("api_key", "authenticate first");
        }

        using var web = new HttpClient();
        await Eventually.TrueAsync(async () => (await web.GetStringAsync(new Uri(http, "/metrics"))).Contains("aura_screen_changed_ratio ", StringComparison.Ordinal),
            "/metrics carries the screen activity series", TimeSpan.FromSeconds(30));
    }
}
