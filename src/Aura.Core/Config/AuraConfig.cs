namespace Aura.Core.Config;

/// <summary>Aura's resolved settings, each with the source that won (flag, environment, config file or default).</summary>
public sealed record AuraConfig
{
    /// <summary>No config file, no DVR path, nothing set: what an in-process server built without settings uses.</summary>
    public static AuraConfig None { get; } = new()
    {
        DbPath = null,
        DbPathSource = ConfigSource.Default,
        RetentionSeconds = null,
        RetentionSecondsSource = ConfigSource.Default,
        ConfigFile = null,
        Toml = new TomlTable(),
    };

    /// <summary>
    /// The SQLite database path. Explicit paths are made absolute: a flag or variable against the working directory, a
    /// <c>db_path</c> in <c>aura.toml</c> against the file's directory. Null only when no default could be worked out.
    /// </summary>
    public required string? DbPath { get; init; }

    public required ConfigSource DbPathSource { get; init; }

    /// <summary>How long to keep history, when set anywhere; null means the consumer's own default.</summary>
    public required double? RetentionSeconds { get; init; }

    public required ConfigSource RetentionSecondsSource { get; init; }

    /// <summary>The DVR's tuning from <c>[persistence]</c> in the config file.</summary>
    public PersistenceTuning Persistence { get; init; } = PersistenceTuning.None;

    /// <summary>The absolute path of the config file that was read, or null when none was.</summary>
    public required string? ConfigFile { get; init; }

    /// <summary>The whole config file, empty when none was read, for settings resolved elsewhere (e.g. <c>server.api_keys</c>).</summary>
    public required TomlTable Toml { get; init; }

    /// <summary>The user's home directory, for <c>~</c> and <c>$HOME</c> in paths other settings name; null when unknown.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>
    /// True when a flag, variable or the config file chose the database path. An unusable explicit path is an error;
    /// an unusable default only warrants a warning.
    /// </summary>
    public bool DbPathIsExplicit => DbPathSource != ConfigSource.Default;
}
