using System.CommandLine;
using Aura.Core.Config;

namespace Aura.Cli;

/// <summary>`aura serve`'s flags.</summary>
internal sealed class ServeOptions
{
    public Option<string?> Host { get; } = new("--host") { Description = "Address to listen on: an IP address or localhost (default 127.0.0.1; others need API keys).", HelpName = "address" };
    public Option<string?> Port { get; } = new("--port") { Description = "TCP port (default 8765; 0 picks a free one).", HelpName = "port" };
    public Option<string?> Interval { get; } = new("--interval") { Description = "Seconds between snapshots (default 1).", HelpName = "seconds" };
    public Option<string?> Config { get; } = new(ConfigOverrides.ConfigFileFlag) { Description = "Read settings from this aura.toml instead of the platform default.", HelpName = "file" };
    public Option<string?> DbPath { get; } = new(ConfigOverrides.DbPathFlag) { Description = "DVR database file (overrides AURA_DB_PATH and aura.toml).", HelpName = "path" };
    public Option<string?> Socket { get; } = new("--socket") { Description = "JetsonScope UNIX socket (default: JETSONSCOPE_SOCKET_PATH, else a per-user runtime path).", HelpName = "path" };
    public Option<string?> EventsPath { get; } = new(Aura.Server.Events.EventSettingsReader.PathFlag) { Description = "Event log database file (overrides AURA_EVENTS_PATH and [events] path; default events.sqlite next to the DVR).", HelpName = "path" };
    public Option<string?> LegacySocket { get; } = new("--legacy-socket") { Hidden = true, Description = "Also answer on this socket, when it can be made safely (set by the `jscoped` name: JetsonScope's legacy tegrastats.sock).", HelpName = "path" };
    public Option<string?> DefaultEventsPath { get; } = new(Aura.Server.Events.EventSettingsReader.DefaultPathFlag) { Hidden = true, Description = "The event log's path when nothing else names one (set by the `argus` name).", HelpName = "path" };
    public Argument<string?> PortArgument { get; } = new("port") { Description = "TCP port, as ClaraVerse's `widgets-service 8766` passed it (same as --port).", Arity = ArgumentArity.ZeroOrOne };
    public Option<string?> LoginScopes { get; } = new("--login-scopes") { Description = "Scopes the printed sign-in link grants, comma-separated: read, ingest, control, agent, admin (default: every scope).", HelpName = "scopes" };
    public Option<bool> JsonLogs { get; } = new("--log-json") { Description = "Write logs to standard error as JSON lines." };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Port);
        command.Options.Add(Interval);
        command.Options.Add(Config);
        command.Options.Add(DbPath);
        command.Options.Add(Socket);
        command.Options.Add(LegacySocket);
        command.Options.Add(JsonLogs);
        command.Options.Add(EventsPath);
        command.Options.Add(DefaultEventsPath);
        command.Arguments.Add(PortArgument);
        command.Options.Add(LoginScopes);
    }
}
