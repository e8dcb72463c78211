using Aura.Server.Hosting;
using System.CommandLine;
using Aura.Agent.Planner;
using Aura.Agent.Screen;
using Aura.Agent.X11;
using Aura.Core.Config;

namespace Aura.Cli.Agent;

/// <summary>`aura agent run`: AuraOS's planner loop (look, plan with Ollama, act through the action server), bounded.</summary>
internal static class AgentRunCommand
{
    public static Command Create()
    {
        var goal = new Option<string>("--goal") { Description = "What to do, in words.", Required = true, HelpName = "text" };
        var model = new Option<string?>("--model") { Description = "The Ollama planner model (default mistral).", HelpName = "name" };
        var vision = new Option<string?>("--vision-model") { Description = "The Ollama vision model asked when the planner cannot proceed from text (default llava; 'none' for none).", HelpName = "name" };
        var ollama = new Option<string?>("--ollama") { Description = "Ollama's URL (default OLLAMA_HOST, else http://127.0.0.1:11434).", HelpName = "url" };
        var ollamaTimeout = new Option<string?>("--ollama-timeout") { Description = "Seconds to wait for one Ollama answer (default 120).", HelpName = "seconds" };
        var agent = new Option<string?>("--agent") { Description = "The action server (default ws://127.0.0.1:6789/ws/agent); key from AURA_API_KEY or aura.toml.", HelpName = "url" };
        var display = AgentDiffCommand.DisplayOption();
        var maxSteps = new Option<string?>("--max-steps") { Description = "Stop after this many steps (default 20, at most 200).", HelpName = "n" };
        var confirmOption = new Option<bool>("--confirm") { Description = "Ask before each action." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan one step, print it, act on nothing." };
        var config = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Read keys from this aura.toml.", HelpName = "file" };
        var eventsPath = new Option<string?>("--events-path") { Description = "The event log each step is recorded to (default: aura serve's).", HelpName = "path" };
        var command = new Command("run", "Work toward a goal: capture + diff + summary, plan with a local Ollama model, act through the action server, repeat.");
        foreach (var option in new Option[] { goal, model, vision, ollama, ollamaTimeout, agent, display, maxSteps, confirmOption, dryRun, config, eventsPath })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var text = parse.GetValue(goal)!;
            if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
            {
                throw new UsageException("--goal must be from 1 to 2000 characters");
            }

            var steps = NumberArgument.Count("--max-steps", parse.GetValue(maxSteps)) ?? 20;
            if (steps > 200)
            {
                throw new UsageException($"--max-steps must be at most 200, not {steps}");
            }

            var options = new PlannerOptions
            {
                Goal = text,
                Model = parse.GetValue(model) ?? "mistral",
                VisionModel = parse.GetValue(vision) is { } v ? (v == "none" ? null : v) : "llava",
                MaxSteps = steps,
                Confirm = parse.GetValue(confirmOption),
                DryRun = parse.GetValue(dryRun),
            };
            var ollamaUrl = Url("--ollama", parse.GetValue(ollama) ?? AgentCheckCommand.OllamaHost() ?? "http://127.0.0.1:11434", "http", "https");
            var agentUrl = Url("--agent", parse.GetValue(agent) ?? "ws://127.0.0.1:6789/ws/agent", "ws", "wss");
            var timeout = TimeSpan.FromSeconds(NumberArgument.Seconds("--ollama-timeout", parse.GetValue(ollamaTimeout)) ?? 120);
            var resolved = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: parse.GetValue(config)), ProcessEnvironment.Current());
            var key = Environment.GetEnvironmentVariable(Events.EventsDaemon.KeyVariable) is { Length: > 0 } k ? k : Events.EventsDaemon.KeyFrom(resolved.Toml, "agent");
            var events = Aura.Server.Events.EventSettingsReader.Read(resolved, parse.GetValue(eventsPath), Environment.GetEnvironmentVariable);
            var displayName = DisplayTarget.Resolve(parse.GetValue(display), Environment.GetEnvironmentVariable);
            return AgentCommand.GuardAsync(() => RunAsync(options, ollamaUrl, timeout, agentUrl, key, displayName, events, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(PlannerOptions options, Uri ollamaUrl, TimeSpan timeout, Uri agentUrl, string? key, string display,
        Aura.Server.Events.EventSettings events, CancellationToken cancellationToken)
    {
        using var log = DaemonEvents.Open(events, TimeProvider.System, Console.Error);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var screen = new LocalScreen(DiffSession.Open(display, Environment.GetEnvironmentVariable("PATH")));
        await using var link = options.DryRun ? null : await AgentLink.ConnectAsync(agentUrl, key, cancellationToken);
        var loop = new PlannerLoop(options, new OllamaClient(http, ollamaUrl, timeout), screen,
            link is null ? null : link.SendAsync, Ask, Console.Out, log.Audit);
        var outcome = await loop.RunAsync(cancellationToken);
        await Console.Error.WriteLineAsync($"aura agent run: {outcome.Message}");
        return outcome.ExitCode;
    }

    private static char Ask(string question)
    {
        Console.Error.Write(question);
        var answer = Console.In.ReadLine();
        return answer is { Length: > 0 } ? char.ToLowerInvariant(answer[0]) : 'n';
    }

    private static Uri Url(string flag, string text, string scheme, string secureScheme)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != scheme && uri.Scheme != secureScheme))
        {
            throw new UsageException($"{flag} must be a {scheme}:// or {secureScheme}:// URL, not '{text}'");
        }

        return uri.AbsolutePath.EndsWith('/') || scheme != "http" ? uri : new Uri(uri + "/");
    }
}
