using System.CommandLine;
using Aura.Core.Config;

namespace Aura.Cli;

/// <summary>The flags `aura stats`, `aura meta` and `aura health` share.</summary>
internal sealed class ClientOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print the daemon's answer as one JSON line." };
    public Option<string?> Socket { get; } = new("--socket") { Description = "The daemon's socket (default: JETSONSCOPE_SOCKET_PATH, else the per-user runtime path).", HelpName = "path" };
    public Option<string?> Config { get; } = new(ConfigOverrides.ConfigFileFlag) { Description = "Read settings from this aura.toml instead of the platform default.", HelpName = "file" };

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Socket);
        command.Options.Add(Config);
    }
}
