namespace Aura.Core.Config;

/// <summary>Where Aura keeps its config file and database by default on each platform.</summary>
public static class PlatformPaths
{
    public const string ConfigFileName = "aura.toml";

    public const string DbFileName = "telemetry.sqlite";

    private const string AppDirectoryName = "Aura";

    /// <summary>
    /// Windows <c>%APPDATA%\Aura</c> (else <c>%LOCALAPPDATA%</c>, else <c>~/AppData/Roaming</c>); macOS
    /// <c>~/Library/Application Support/Aura</c>; Linux <c>$XDG_CONFIG_HOME/Aura</c> (else <c>~/.config/Aura</c>).
    /// Null when neither the variables nor the home directory are known.
    /// </summary>
    public static string? ConfigDirectory(ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = environment.HomeDirectory;
        var baseDirectory = environment.Platform switch
        {
            AuraPlatform.Windows => environment.GetVariable("APPDATA")
                ?? environment.GetVariable("LOCALAPPDATA")
                ?? Under(home, "AppData", "Roaming"),
            AuraPlatform.MacOS => Under(home, "Library", "Application Support"),
            _ => XdgDirectory(environment, "XDG_CONFIG_HOME") ?? Under(home, ".config"),
        };
        return Under(baseDirectory, AppDirectoryName);
    }

    /// <summary>
    /// Windows <c>%APPDATA%\Aura</c> (else <c>%LOCALAPPDATA%</c>); macOS <c>~/Library/Application Support/Aura</c>;
    /// Linux <c>$XDG_DATA_HOME/Aura</c> (else <c>~/.local/share/Aura</c>). Null when it cannot be determined.
    /// </summary>
    public static string? DataDirectory(ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = environment.HomeDirectory;
        var baseDirectory = environment.Platform switch
        {
            AuraPlatform.Windows => environment.GetVariable("APPDATA") ?? environment.GetVariable("LOCALAPPDATA"),
            AuraPlatform.MacOS => Under(home, "Library", "Application Support"),
            _ => XdgDirectory(environment, "XDG_DATA_HOME") ?? Under(home, ".local", "share"),
        };
        return Under(baseDirectory, AppDirectoryName);
    }

    public static string? DefaultConfigFile(ConfigEnvironment environment) => Under(ConfigDirectory(environment), ConfigFileName);

    public static string? DefaultDbPath(ConfigEnvironment environment) => Under(DataDirectory(environment), DbFileName);

    /// <summary>The XDG spec says a relative path in these variables is invalid and must be ignored.</summary>
    private static string? XdgDirectory(ConfigEnvironment environment, string variable)
    {
        var value = environment.GetVariable(variable);
        return value is not null && Path.IsPathRooted(value) ? value : null;
    }

    private static string? Under(string? directory, params ReadOnlySpan<string> parts)
    {
        if (directory is null)
        {
            return null;
        }

        var path = directory;
        foreach (var part in parts)
        {
            path = Path.Join(path, part);
        }

        return path;
    }
}
