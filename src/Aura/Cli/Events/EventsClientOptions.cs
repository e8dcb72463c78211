using System.CommandLine;
using Aura.Core.Config;

namespace Aura.Cli.Events;

/// <summary>The flags every `aura events` command shares: where the daemon is and which config holds the key.</summary>
internal sealed class EventsClientOptions
{
    public Option<string?> Host { get; } = new("--host") { Description = "The daemon's address (default: [server] host in aura.toml, else 127.0.0.1).", HelpName = "address" };
    public Option<string?> Port { get; } = new("--port") { Description = "The daemon's port (default: [server] port in aura.toml, else 8765).", HelpName = "port" };
    public Option<string?> Config { get; } = new(ConfigOverrides.ConfigFileFlag) { Description = "Read the daemon's address and API key from this aura.toml.", HelpName = "file" };
    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (one line per event) instead of text." };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Port);
        command.Options.Add(Config);
        command.Options.Add(Json);
    }
}
