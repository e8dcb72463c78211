using System.CommandLine;
using System.Text.Json;
using Aura.Agent;
using Aura.Agent.Checks;
using Aura.Agent.X11;
using Aura.Core.Config;

namespace Aura.Cli.Agent;

/// <summary>
/// `aura agent check`: AuraOS's vm_wake_check.sh, for real. Probes the daemon, the action server, Ollama (and its
/// model) and the display, retries each failure with exponential backoff and full jitter, appends one JSON line to the
/// log, and exits 0 healthy, 1 degraded, 2 down.
/// </summary>
internal static class AgentCheckCommand
{
    private static readonly string[] ProbeNames = ["daemon", "agent", "ollama", "display"];

    public static Command Create()
    {
        var daemon = new Option<string?>("--daemon") { Description = "The daemon's URL (default from [server] in aura.toml, else http://127.0.0.1:8765).", HelpName = "url" };
        var agent = new Option<string?>("--agent") { Description = "The action server (default ws://127.0.0.1:6789/ws/agent).", HelpName = "url" };
        var ollama = new Option<string?>("--ollama") { Description = "Ollama's URL (default OLLAMA_HOST, else http://127.0.0.1:11434).", HelpName = "url" };
        var model = new Option<string?>("--model") { Description = "The model Ollama must have (default mistral).", HelpName = "name" };
        var display = AgentDiffCommand.DisplayOption();
        var skip = new Option<string[]>("--skip") { Description = "Skip a probe: daemon, agent, ollama or display (repeatable).", HelpName = "probe", AllowMultipleArgumentsPerToken = true };
        var log = new Option<string?>("--log") { Description = "Append the JSON line here (default $XDG_STATE_HOME/Aura/agent-check.jsonl).", HelpName = "file" };
        var json = new Option<bool>("--json") { Description = "Print the JSON line instead of text." };
        var baseDelay = new Option<string?>("--backoff-base") { Description = "Seconds: the first retry waits up to this (default 0.5).", HelpName = "seconds" };
        var factor = new Option<string?>("--backoff-factor") { Description = "Each retry's ceiling grows by this factor (default 2).", HelpName = "factor" };
        var cap = new Option<string?>("--backoff-cap") { Description = "Seconds: no retry waits longer (default 10).", HelpName = "seconds" };
        var attempts = new Option<string?>("--attempts") { Description = "Tries per probe, the first included (default 4).", HelpName = "n" };
        var config = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Read settings and keys from this aura.toml.", HelpName = "file" };
        var command = new Command("check", "Health and wake check: probe the daemon, the action server, Ollama and the display; exit 0 healthy, 1 degraded, 2 down.");
        foreach (var option in new Option[] { daemon, agent, ollama, model, display, skip, log, json, baseDelay, factor, cap, attempts, config })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var skipped = parse.GetValue(skip) ?? [];
            foreach (var name in skipped)
            {
                if (Array.IndexOf(ProbeNames, name) < 0)
                {
                    throw new UsageException($"--skip takes daemon, agent, ollama or display, not '{name}'");
                }
            }

            var defaults = new Backoff();
            Backoff backoff;
            try
            {
                backoff = new Backoff
                {
                    Base = TimeSpan.FromSeconds(NumberArgument.Seconds("--backoff-base", parse.GetValue(baseDelay)) ?? defaults.Base.TotalSeconds),
                    Factor = NumberArgument.Seconds("--backoff-factor", parse.GetValue(factor)) ?? defaults.Factor,
                    Cap = TimeSpan.FromSeconds(NumberArgument.Seconds("--backoff-cap", parse.GetValue(cap)) ?? defaults.Cap.TotalSeconds),
                    Attempts = NumberArgument.Count("--attempts", parse.GetValue(attempts)) ?? defaults.Attempts,
                }.Validated();
            }
            catch (AgentException e)
            {
                throw new UsageException(e.Message);
            }

            var resolved = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: parse.GetValue(config)), ProcessEnvironment.Current());
            var daemonUrl = Url("--daemon", parse.GetValue(daemon) ?? DaemonAddress.From(resolved).Http.ToString());
            var agentUrl = Url("--agent", parse.GetValue(agent) ?? "ws://127.0.0.1:6789/ws/agent");
            var ollamaUrl = Url("--ollama", parse.GetValue(ollama) ?? OllamaHost() ?? "http://127.0.0.1:11434/");
            var key = Environment.GetEnvironmentVariable(Events.EventsDaemon.KeyVariable) is { Length: > 0 } k ? k : Events.EventsDaemon.KeyFrom(resolved.Toml, "agent");
            string? displayName = null;
            if (Array.IndexOf(skipped, "display") < 0)
            {
                try
                {
                    displayName = DisplayTarget.Resolve(parse.GetValue(display), Environment.GetEnvironmentVariable);
                }
                catch (AgentException e)
                {
                    displayName = "!" + e.Message;
                }
            }

            var logPath = parse.GetValue(log) ?? DefaultLog();
            return RunAsync(backoff, skipped, daemonUrl, agentUrl, ollamaUrl, parse.GetValue(model) ?? "mistral", key, displayName, logPath, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Backoff backoff, string[] skipped, Uri daemon, Uri agent, Uri ollama, string model, string? key, string? display,
        string? logPath, bool json, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var probes = new List<Probe>();
        bool Wanted(string name) => Array.IndexOf(skipped, name) < 0;
        if (Wanted("daemon"))
        {
            probes.Add(Probes.Daemon(http, daemon));
        }

        if (Wanted("agent"))
        {
            probes.Add(Probes.ActionServer(agent, key));
        }

        if (Wanted("ollama"))
        {
            probes.Add(Probes.Ollama(http, ollama, model));
        }

        if (display is not null)
        {
            probes.Add(display.StartsWith('!') ? new Probe("display", _ => Task.FromResult<string?>(display[1..])) : Probes.Display(display));
        }

        if (probes.Count == 0)
        {
            throw new UsageException("every probe is skipped: nothing to check");
        }

        var report = await new HealthChecker(backoff, TimeProvider.System, Random.Shared).RunAsync(probes, cancellationToken);
        var line = JsonSerializer.Serialize(report, AgentJsonContext.Default.CheckReport);
        if (logPath is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
                await File.AppendAllTextAsync(logPath, line + "\n", cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"aura agent check: cannot append to {logPath}: {e.Message}");
            }
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(line);
        }
        else
        {
            foreach (var probe in report.Probes)
            {
                await Console.Out.WriteLineAsync($"{probe.Name,-8} {(probe.Ok ? "ok" : "FAIL")}  {(probe.Ok ? "" : probe.Detail)}{(probe.Attempts > 1 ? $" (after {probe.Attempts} tries)" : "")}");
            }

            await Console.Out.WriteLineAsync(report.Status);
        }

        return report.ExitCode;
    }

    internal static string? OllamaHost()
    {
        var host = Environment.GetEnvironmentVariable("OLLAMA_HOST");
        return string.IsNullOrEmpty(host) ? null : host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
    }

    private static string? DefaultLog()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(state) ? state : home.Length > 0 ? Path.Combine(home, ".local", "state") : null;
        return root is null ? null : Path.Combine(root, "Aura", "agent-check.jsonl");
    }

    private static Uri Url(string flag, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            throw new UsageException($"{flag} must be an absolute http(s):// or ws(s):// URL, not '{text}'");
        }

        return uri.Scheme.StartsWith("http", StringComparison.Ordinal) && !uri.AbsolutePath.EndsWith('/') ? new Uri(uri + "/") : uri;
    }
}
