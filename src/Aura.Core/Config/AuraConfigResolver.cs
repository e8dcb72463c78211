using System.Globalization;

namespace Aura.Core.Config;

/// <summary>Resolves <see cref="AuraConfig"/>: flags, then environment variables, then <c>aura.toml</c>, then platform defaults.</summary>
public static class AuraConfigResolver
{
    public const string DbPathVariable = "AURA_DB_PATH";

    public const string RetentionSecondsVariable = "AURA_RETENTION_SECONDS";

    /// <summary>Names a config file to read instead of the platform default; <c>--config</c> wins over it.</summary>
    public const string ConfigFileVariable = "AURA_CONFIG";

    /// <summary>
    /// Reads the config file and environment and applies the flags. Every value given anywhere is validated, even one a
    /// higher-precedence source overrides, so a broken setting never lies in wait.
    /// </summary>
    /// <exception cref="ConfigException">A setting is invalid, an explicitly named config file is missing, or the file is not valid TOML.</exception>
    public static AuraConfig Resolve(ConfigOverrides overrides, ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(environment);

        var toml = ConfigFileLoader.Load(overrides, environment, out var configFile);
        var home = environment.HomeDirectory;
        var fileDbPath = PersistenceSettings.ReadDbPath(toml, configFile, home);
        var fileRetention = PersistenceSettings.ReadRetentionSeconds(toml, configFile);

        var envDbPath = environment.GetVariable(DbPathVariable) is { } envPath ? ExplicitPath(envPath, DbPathVariable, home: home) : null;
        var envRetention = environment.GetVariable(RetentionSecondsVariable) is { } envSeconds ? ParseSeconds(envSeconds) : (double?)null;
        var flagDbPath = overrides.DbPath is { } flagPath ? ExplicitPath(flagPath, ConfigOverrides.DbPathFlag, home: home) : null;
        var flagRetention = overrides.RetentionSeconds is { } flagSeconds ? CheckFlagSeconds(flagSeconds) : (double?)null;

        var (dbPath, dbPathSource) =
            flagDbPath is not null ? (flagDbPath, ConfigSource.CommandLine)
            : envDbPath is not null ? (envDbPath, ConfigSource.Environment)
            : fileDbPath is not null ? (fileDbPath, ConfigSource.ConfigFile)
            : (PlatformPaths.DefaultDbPath(environment), ConfigSource.Default);

        var (retention, retentionSource) =
            flagRetention is not null ? (flagRetention, ConfigSource.CommandLine)
            : envRetention is not null ? (envRetention, ConfigSource.Environment)
            : fileRetention is not null ? (fileRetention, ConfigSource.ConfigFile)
            : ((double?)null, ConfigSource.Default);

        return new AuraConfig
        {
            DbPath = dbPath,
            DbPathSource = dbPathSource,
            RetentionSeconds = retention,
            RetentionSecondsSource = retentionSource,
            Persistence = PersistenceSettings.ReadTuning(toml, configFile),
            ConfigFile = configFile,
            Toml = toml,
            HomeDirectory = home,
        };
    }

    /// <summary>
    /// An explicit path with <c>~</c> or <c>$HOME</c> expanded, made absolute against <paramref name="baseDirectory"/>, or the
    /// working directory when null.
    /// </summary>
    internal static string ExplicitPath(string value, string setting, string? baseDirectory = null, string? home = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigException($"{setting}: the path must not be empty");
        }

        try
        {
            value = HomePath.Expand(value, home);
            return baseDirectory is null ? Path.GetFullPath(value) : Path.GetFullPath(value, baseDirectory);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{setting}: '{value}' is not a valid path", e);
        }
    }

    private static double ParseSeconds(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new ConfigException($"{RetentionSecondsVariable}: '{value}' is not a number of seconds");
        }

        if (!IsValidSeconds(seconds))
        {
            throw new ConfigException($"{RetentionSecondsVariable}: '{value}' must be a finite number of seconds greater than 0");
        }

        return seconds;
    }

    private static double CheckFlagSeconds(double seconds)
    {
        if (!IsValidSeconds(seconds))
        {
            throw new ConfigException(
                $"{ConfigOverrides.RetentionSecondsFlag}: {seconds.ToString(CultureInfo.InvariantCulture)} must be a finite number of seconds greater than 0");
        }

        return seconds;
    }

    internal static bool IsValidSeconds(double seconds) => double.IsFinite(seconds) && seconds > 0;
}
