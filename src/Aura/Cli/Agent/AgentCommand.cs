using System.CommandLine;

namespace Aura.Cli.Agent;

/// <summary>`aura agent diff|serve|run|check`: AuraOS v2's desktop agent, built in.</summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var command = new Command("agent", "The desktop agent (AuraOS v2): screen deltas, the action server, the planner loop and wake checks.");
        command.Subcommands.Add(AgentDiffCommand.Create());
        command.Subcommands.Add(AgentServeCommand.Create());
        command.Subcommands.Add(AgentRunCommand.Create());
        command.Subcommands.Add(AgentCheckCommand.Create());
        command.Subcommands.Add(AgentBenchCommand.Create());
        return command;
    }

    /// <summary>Runs an agent command body; an <see cref="Aura.Agent.AgentException"/> is one line on stderr and exit 1.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Aura.Agent.AgentException e)
        {
            await Console.Error.WriteLineAsync($"aura agent: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
