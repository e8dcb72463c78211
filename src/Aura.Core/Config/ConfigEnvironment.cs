namespace Aura.Core.Config;

/// <summary>
/// What config resolution reads from the machine: the platform, the home directory and environment variables.
/// Injected so tests can play Windows, macOS and Linux on one machine; the executable builds the process's own
/// (<c>Aura.Cli.ProcessEnvironment</c>), since no library reads the environment itself.
/// </summary>
public sealed class ConfigEnvironment
{
    private readonly Func<string, string?> _getVariable;

    public ConfigEnvironment(AuraPlatform platform, string? homeDirectory, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        Platform = platform;
        HomeDirectory = string.IsNullOrEmpty(homeDirectory) ? null : homeDirectory;
        _getVariable = getVariable;
    }

    public AuraPlatform Platform { get; }

    /// <summary>The user's home directory, or null when it is unknown.</summary>
    public string? HomeDirectory { get; }

    public static ConfigEnvironment FromVariables(AuraPlatform platform, string? homeDirectory, IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new ConfigEnvironment(platform, homeDirectory, name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>An environment variable's value exactly as set, empty included, for readers that decide what empty means.</summary>
    public string? GetRawVariable(string name) => _getVariable(name);

    /// <summary>An environment variable's value; an empty variable counts as unset, as shells and XDG treat it.</summary>
    public string? GetVariable(string name)
    {
        var value = _getVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
