namespace Aura.Core.Config;

/// <summary>Where a resolved setting came from, lowest precedence first.</summary>
public enum ConfigSource
{
    /// <summary>The platform default, or no value at all when a setting has none.</summary>
    Default,

    /// <summary>The config file (<c>aura.toml</c>).</summary>
    ConfigFile,

    /// <summary>An <c>AURA_*</c> environment variable.</summary>
    Environment,

    /// <summary>A command-line flag.</summary>
    CommandLine,
}
