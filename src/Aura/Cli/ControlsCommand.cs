using System.CommandLine;
using Aura.Core.Config;
using Aura.Server.Jetson;

namespace Aura.Cli;

/// <summary>
/// `aura controls list` and `aura controls set NAME VALUE`: ask the running daemon over its socket, as `aura stats`
/// does. A change needs a key with the control scope: <c>AURA_API_KEY</c>, JetsonScope's <c>JETSONSCOPE_AUTH_TOKEN</c>,
/// else the first control (or admin) key in <c>aura.toml</c>. The daemon checks it, applies the change and audits it.
/// </summary>
internal static class ControlsCommand
{
    private static readonly string[] KeyVariables = [Events.EventsDaemon.KeyVariable, "JETSONSCOPE_AUTH_TOKEN", "TEGRA_AUTH_TOKEN"];

    public static Command Create()
    {
        var command = new Command("controls", "List or set hardware controls (fan, nvpmodel, jetson_clocks, governors) through the running daemon.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Set());
        return command;
    }

    private static Command List()
    {
        var options = new ClientOptions();
        var command = new Command("list", "Print every control, its value and choices, and whether this machine supports it.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => ClientCommands.RunAsync(
            ClientCommands.SocketPath(parse, options), SocketRequest.ListControls, parse.GetValue(options.Json), ControlsText.WriteList, cancellationToken));
        return command;
    }

    private static Command Set()
    {
        var options = new ClientOptions();
        var name = new Argument<string>("name") { Description = "fan, nvpmodel, jetson_clocks, cpu_governor, gpu_governor or gpu_railgate" };
        var value = new Argument<string>("value") { Description = "e.g. 75 (fan %), MAXN or 0 (nvpmodel), on/off, schedutil" };
        var command = new Command("set", "Set a control; the daemon must run as root and the key needs the control scope.");
        command.Arguments.Add(name);
        command.Arguments.Add(value);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var request = SocketRequest.SetControl(parse.GetValue(name)!, parse.GetValue(value)!, Key(parse.GetValue(options.Config)));
            return ClientCommands.RunAsync(ClientCommands.SocketPath(parse, options), request, parse.GetValue(options.Json), ControlsText.WriteState, cancellationToken);
        });
        return command;
    }

    /// <summary>The key to send, or null (the daemon then refuses, says why, and audits the refusal).</summary>
    internal static string? Key(string? configFile)
    {
        foreach (var variable in KeyVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } key)
            {
                return key;
            }
        }

        var config = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: configFile), ProcessEnvironment.Current());
        return Events.EventsDaemon.KeyFrom(config.Toml, "control");
    }
}
