using System.CommandLine;
using Aura.Core.Config;

namespace Aura.Cli.Gui;

/// <summary>`aura gui` (and `aura --gui`): open the cockpit in an app window, starting the daemon first when none runs.</summary>
internal static class GuiCommand
{
    public static Command Create()
    {
        var host = new Option<string?>("--host") { Description = "The daemon's address (default: [server] host in aura.toml, else 127.0.0.1).", HelpName = "address" };
        var port = new Option<string?>("--port") { Description = "The daemon's port (default: [server] port in aura.toml, else 8765).", HelpName = "port" };
        var config = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Read settings from this aura.toml instead of the platform default.", HelpName = "file" };
        var browser = new Option<string?>("--browser") { Description = "The browser to open the cockpit with (default: Chromium or Chrome in app mode, else the desktop's default browser).", HelpName = "path" };
        var command = new Command(
            "gui",
            "Open the cockpit in an app window. Starts `aura serve` first when no daemon answers, and stops it again when the window closes.");
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(config);
        command.Options.Add(browser);
        command.SetAction((parse, cancellationToken) => GuiRunner.RunAsync(
            new GuiRequest(parse.GetValue(host), parse.GetValue(port), parse.GetValue(config), parse.GetValue(browser)), Console.Out, Console.Error, cancellationToken));
        return command;
    }
}
