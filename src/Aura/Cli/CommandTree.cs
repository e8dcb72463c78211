using System.CommandLine;

namespace Aura.Cli;

/// <summary>Every `aura` command and its flags.</summary>
internal static class CommandTree
{
    public static RootCommand Build()
    {
        var options = new RootOptions();
        var root = new RootCommand(
            "Aura watches this machine and remembers what it saw.\n" +
            "With no command, prints one snapshot (CPU, memory, disks, network, temperatures, top processes).\n" +
            "Examples:\n" +
            "  aura                      one snapshot as text\n" +
            "  aura --watch --json       one JSON line per second until Ctrl-C\n" +
            "  aura --latest 10          the last 10 recorded snapshots");
        options.AddTo(root);
        root.Subcommands.Add(DbCommands.Create());
        root.SetAction((parse, cancellationToken) => RootCommandAction.RunAsync(LiveRequest.From(parse, options), cancellationToken));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(Gui.GuiCommand.Create());
        root.Subcommands.Add(ConfigInitCommand.Create());
        root.Subcommands.Add(Events.EventsCommand.Create());
        root.Subcommands.Add(ControlsCommand.Create());
        root.Subcommands.Add(Agent.AgentCommand.Create());
        root.Subcommands.Add(MultiCall.LegacyHelperCommand.Create());
        root.Subcommands.Add(MultiCall.JscopectlCommand.Create());
        root.Subcommands.Add(Aura.Tui.TopCommand.Create());
        foreach (var client in ClientCommands.Create())
        {
            root.Subcommands.Add(client);
        }

        return root;
    }
}
