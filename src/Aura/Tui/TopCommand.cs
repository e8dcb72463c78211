using System.CommandLine;
using Aura.Core.Config;
using Aura.Tui.Render;
using Aura.Tui.Terminal;

namespace Aura.Tui;

/// <summary>`aura top` (and `jscope`): the full-screen terminal UI, a client of the daemon when one answers.</summary>
internal static class TopCommand
{
    public static Command Create()
    {
        var socket = new Option<string?>("--socket") { Description = "The daemon's socket, tried first (default: JETSONSCOPE_SOCKET_PATH, TEGRA_SOCKET_PATH, [server] socket_path, else the per-user runtime path).", HelpName = "path" };
        var host = new Option<string?>("--host") { Description = "The daemon's HTTP address, used when its socket does not answer (default: [server] host in aura.toml, else 127.0.0.1).", HelpName = "address" };
        var port = new Option<string?>("--port") { Description = "The daemon's HTTP port (default: [server] port in aura.toml, else 8765).", HelpName = "port" };
        var local = new Option<bool>("--local") { Description = "Sample in this process even when a daemon answers." };
        var interval = new Option<string?>("--interval") { Description = "Seconds between refreshes (finite, 0.1 to 60; default 1). + and - change it while running.", HelpName = "seconds" };
        var dbPath = new Option<string?>(ConfigOverrides.DbPathFlag) { Description = "The DVR to rewind through (default: the configured one, which the daemon records into).", HelpName = "path" };
        var config = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Read settings from this aura.toml instead of the platform default.", HelpName = "file" };
        var theme = new Option<string>("--theme") { Description = "dark or light.", DefaultValueFactory = _ => "dark", HelpName = "name" };
        var colors = new Option<string?>("--colors") { Description = "none, 16, 256 or truecolor (default: from NO_COLOR, COLORTERM and TERM).", HelpName = "mode" };
        var graphs = new Option<string?>("--graphs") { Description = "braille, block or ascii (default: braille when the locale is UTF-8, else ascii).", HelpName = "style" };
        var command = new Command("top", "Full-screen terminal UI: live views (Dashboard, Processes, GPU Engines, Clocks/Governors, Events) and a rewind through the DVR (History). Press h inside for the keys.");
        foreach (var option in new Option[] { socket, host, port, local, interval, dbPath, config, theme, colors, graphs })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = Cli.NumberArgument.Seconds("--interval", parse.GetValue(interval)) ?? 1.0;
            if (seconds is < 0.1 or > 60)
            {
                throw new Cli.UsageException($"--interval must be from 0.1 to 60 seconds, not {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            var configFile = parse.GetValue(config);
            var resolved = AuraConfigResolver.Resolve(new ConfigOverrides(parse.GetValue(dbPath), ConfigFile: configFile), Aura.Cli.ProcessEnvironment.Current());
            var socketPath = Cli.DaemonAddress.From(resolved, socket: parse.GetValue(socket)).Socket;
            var http = Cli.Events.EventsDaemon.Resolve(parse.GetValue(host), parse.GetValue(port), configFile, "read", keyRequired: false);
            var options = new TopOptions(
                socketPath,
                http,
                parse.GetValue(local),
                TimeSpan.FromSeconds(seconds),
                resolved.DbPath,
                parse.GetValue(dbPath) is not null,
                configFile,
                Theme.Parse(parse.GetValue(theme) ?? "dark"),
                parse.GetValue(colors) is { } c ? ColorModes.Parse(c) : ColorModes.Detect(Environment.GetEnvironmentVariable),
                parse.GetValue(graphs) is { } g ? GraphStyles.Parse(g) : GraphStyles.Detect(Environment.GetEnvironmentVariable));
            if (!TerminalSession.IsTerminal)
            {
                await Console.Error.WriteLineAsync("aura: top needs a terminal on standard input and output; for lines of text use `aura --watch`");
                return Cli.ExitCodes.Usage;
            }

            using var app = new TopApp(options, TimeProvider.System);
            return await app.RunAsync(cancellationToken);
        });
        return command;
    }
}
