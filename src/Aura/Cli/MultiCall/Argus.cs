using Aura.Core.Config;

namespace Aura.Cli.MultiCall;

/// <summary>
/// Argus's <c>argus serve|query|status|config init</c>. Its config file stays where Argus kept it
/// (<c>~/.config/argus/config.toml</c>, under <c>$XDG_CONFIG_HOME</c> when set), and its event database defaults to
/// Argus's <c>~/.local/share/argus/events.db</c>; both give way to <c>--config</c>, <c>AURA_CONFIG</c> and the event
/// path's own flag, variable and settings.
/// </summary>
internal static class Argus
{
    public static string[] Rewrite(string[] args, Func<string, string?> getVariable)
    {
        if (args is not [var command, .. var rest])
        {
            return ["--help"];
        }

        return command switch
        {
            "serve" => ["serve", .. WithConfig(rest, getVariable, evenIfMissing: false), .. EventsPath(rest, getVariable)],
            "query" => ["events", "query", .. WithConfig(rest, getVariable, evenIfMissing: false)],
            "status" => ["status", .. WithConfig(rest, getVariable, evenIfMissing: false)],
            "config" when rest is ["init", .. var flags] => ["config", "init", .. WithConfig(flags, getVariable, evenIfMissing: true)],
            "-h" or "--help" or "--version" => [command],
            _ => throw new UsageException($"argus: unknown command '{command}'; use serve, query, status or config init"),
        };
    }

    /// <summary>Argus's own config file, unless the command line or <c>AURA_CONFIG</c> names one.</summary>
    public static string? DefaultConfigFile(Func<string, string?> getVariable) =>
        Under(Xdg(getVariable, "XDG_CONFIG_HOME") ?? Under(Home(getVariable), ".config"), "argus", "config.toml");

    public static string? DefaultEventsPath(Func<string, string?> getVariable) =>
        Under(Xdg(getVariable, "XDG_DATA_HOME") ?? Under(Home(getVariable), ".local", "share"), "argus", "events.db");

    /// <summary>
    /// Adds Argus's config file. Where it must exist (serve, query, status) it is added only when it is there, since Argus
    /// ran on its defaults without one; `config init` is given it to write.
    /// </summary>
    private static string[] WithConfig(string[] args, Func<string, string?> getVariable, bool evenIfMissing)
    {
        if (Names(args, ConfigOverrides.ConfigFileFlag) || !string.IsNullOrEmpty(getVariable(AuraConfigResolver.ConfigFileVariable)))
        {
            return args;
        }

        return DefaultConfigFile(getVariable) is { } file && (evenIfMissing || File.Exists(file))
            ? [.. args, ConfigOverrides.ConfigFileFlag, file]
            : args;
    }

    /// <summary>
    /// Argus's default database path, below <c>[database] path</c>: only when nothing else names the event log, which the
    /// serve command's own resolution then checks (a flag, <c>AURA_EVENTS_PATH</c>, <c>[events] path</c>, <c>[database] path</c>).
    /// </summary>
    private static string[] EventsPath(string[] args, Func<string, string?> getVariable)
    {
        if (Names(args, Aura.Server.Events.EventSettingsReader.PathFlag) || !string.IsNullOrEmpty(getVariable(Aura.Server.Events.EventSettingsReader.PathVariable)))
        {
            return [];
        }

        return DefaultEventsPath(getVariable) is { } path ? [Aura.Server.Events.EventSettingsReader.DefaultPathFlag, path] : [];
    }

    private static bool Names(string[] args, string flag)
    {
        foreach (var arg in args)
        {
            if (arg == flag || arg.StartsWith(flag + "=", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Home(Func<string, string?> getVariable) =>
        getVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } profile ? profile : null;

    private static string? Xdg(Func<string, string?> getVariable, string name) =>
        getVariable(name) is { Length: > 0 } value && Path.IsPathRooted(value) ? value : null;

    private static string? Under(string? directory, params ReadOnlySpan<string> parts)
    {
        if (directory is null)
        {
            return null;
        }

        foreach (var part in parts)
        {
            directory = Path.Join(directory, part);
        }

        return directory;
    }
}
