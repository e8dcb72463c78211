using System.CommandLine;
using System.Globalization;
using Aura.Agent;
using Aura.Agent.Actions;
using Aura.Agent.Server;
using Aura.Agent.X11;
using Aura.Core.Config;
using Aura.Server.Hosting;

namespace Aura.Cli.Agent;

/// <summary>`aura agent serve`: AuraOS's action server on 127.0.0.1:6789, authenticated and audited.</summary>
internal static class AgentServeCommand
{
    public static Command Create()
    {
        var host = new Option<string?>("--host") { Description = "Address to listen on (default 127.0.0.1; another address needs keys).", HelpName = "address" };
        var port = new Option<string?>("--port") { Description = "Port (default 6789, AuraOS's; 0 picks a free one).", HelpName = "port" };
        var display = AgentDiffCommand.DisplayOption();
        var config = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Read keys and [agent] from this aura.toml.", HelpName = "file" };
        var eventsPath = new Option<string?>("--events-path") { Description = "The event log the actions are audited to (default: aura serve's).", HelpName = "path" };
        var command = new Command("serve", "Serve AuraOS's WebSocket action server (click, type, key, wait, screenshot, ...) for one X display; every connection needs a key with the 'agent' scope.");
        foreach (var option in new Option[] { host, port, display, config, eventsPath })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var resolved = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: parse.GetValue(config)), ProcessEnvironment.Current());
            var server = ServerSettingsReader.Read(resolved);
            var agent = AgentSettingsReader.Read(resolved);
            var portNumber = parse.GetValue(port) is { } text
                ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535 ? p : throw new UsageException($"--port must be a whole number from 0 to 65535, not '{text}'")
                : agent.Port ?? AgentServer.DefaultPort;
            var events = Aura.Server.Events.EventSettingsReader.Read(resolved, parse.GetValue(eventsPath), Environment.GetEnvironmentVariable);
            return AgentCommand.GuardAsync(() => RunAsync(
                parse.GetValue(host) ?? agent.Host ?? "127.0.0.1",
                portNumber,
                DisplayTarget.Resolve(parse.GetValue(display) ?? agent.Display, Environment.GetEnvironmentVariable),
                server.Keys,
                agent.ScreenshotDir ?? ScreenshotStore.DefaultDirectory(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR")),
                events,
                cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(string host, int port, string display, Aura.Server.Auth.ApiKeySet keys, string screenshots, Aura.Server.Events.EventSettings events, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        using var log = DaemonEvents.Open(events, clock, Console.Error);
        var options = new AgentEndpointOptions
        {
            Keys = keys,
            Display = display,
            Screenshots = new ScreenshotStore(screenshots, clock),
            Audit = log.Audit,
            Clock = clock,
        };
        await using var server = AgentServer.Build(host, port, options);
        server.OpenDisplay();
        await server.StartAsync(cancellationToken);
        var ws = new UriBuilder(server.Address) { Scheme = "ws" }.Uri;
        await Console.Out.WriteLineAsync($"aura agent: serving display {display} at {ws} and {new Uri(ws, AgentEndpoint.Path)}; actions audited to {log.Summary}");
        await Console.Out.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await server.StopAsync(CancellationToken.None);
        }

        return ExitCodes.Ok;
    }
}
