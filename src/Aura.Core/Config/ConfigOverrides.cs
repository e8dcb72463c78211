namespace Aura.Core.Config;

/// <summary>The config-related command-line flags; null means the flag was not given.</summary>
public sealed record ConfigOverrides(string? DbPath = null, double? RetentionSeconds = null, string? ConfigFile = null)
{
    /// <summary>The flag names used in error messages; define the CLI options with these so the two agree.</summary>
    public const string DbPathFlag = "--db-path";

    public const string RetentionSecondsFlag = "--retention-seconds";

    public const string ConfigFileFlag = "--config";

    public static ConfigOverrides None { get; } = new();
}
