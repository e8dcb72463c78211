using Aura.Core.Config;
using Aura.Storage.Dvr;
using Aura.Server.Hosting;
using Microsoft.Data.Sqlite;

namespace Aura.Server.History;

/// <summary>
/// The one policy for the DVR file, shared by `aura` and `aura serve`: an explicitly chosen path (flag, environment,
/// config file) that cannot be used is an error; the platform default that cannot be used costs one warning, and the
/// command carries on live; a writer whose flushes start failing warns once (Aura.Storage's log).
/// </summary>
public static class DvrFiles
{
    /// <summary>Why nothing is recorded when no default location could be worked out.</summary>
    public const string NoDefaultLocation = "no default DVR location (no home directory); use --db-path";

    /// <summary>Opens the writer for <paramref name="config"/>'s DVR path.</summary>
    /// <param name="config">The resolved settings: the path, where it came from, retention and tuning.</param>
    /// <param name="clock">The writer's clock.</param>
    /// <param name="warnings">Where the warnings go (standard error).</param>
    /// <param name="carryOn">What the command keeps doing without the DVR, e.g. "printing live" or "serving live".</param>
    /// <exception cref="ConfigException">An explicitly chosen DVR cannot be used.</exception>
    public static DvrOpening OpenWriter(AuraConfig config, TimeProvider clock, TextWriter warnings, string carryOn)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warnings);
        if (config.DbPath is not { } path)
        {
            warnings.WriteLine($"aura: warning: not recording: {NoDefaultLocation}");
            return new DvrOpening(null, NoDefaultLocation);
        }

        try
        {
            // The writer itself warns once when its flushes start failing (and once when they recover).
            return new DvrOpening(DvrWriter.Open(Options(config, path), clock, new WarningLogger(warnings)), null);
        }
        catch (Exception e) when (IsUnusable(e))
        {
            if (config.DbPathIsExplicit)
            {
                throw new ConfigException($"{Origin(config)}: cannot use DVR database {path}: {e.Message}", e);
            }

            warnings.WriteLine($"aura: warning: not recording: the default DVR {path} cannot be used ({e.Message}); {carryOn} only");
            return new DvrOpening(null, e.Message);
        }
    }

    /// <summary>The writer's options: the path, and retention and tuning from flags, environment and <c>[persistence]</c>.</summary>
    public static DvrOptions Options(AuraConfig config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new DvrOptions { Path = path };
        var tuning = config.Persistence;
        var retention = DvrRetention.Default;
        return defaults with
        {
            FlushInterval = tuning.FlushSeconds is { } flush ? TimeSpan.FromSeconds(flush) : defaults.FlushInterval,
            Retention = retention with
            {
                Raw = config.RetentionSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : retention.Raw,
                Minute = tuning.MinuteRetentionDays is { } minute ? TimeSpan.FromDays(minute) : retention.Minute,
                Hour = tuning.HourRetentionDays is { } hour ? TimeSpan.FromDays(hour) : retention.Hour,
                MaxBytes = tuning.MaxSizeMb * 1024 * 1024,
            },
        };
    }

    /// <summary>The failures that mean "this file cannot be used", as opposed to a bug.</summary>
    public static bool IsUnusable(Exception e) =>
        e is DvrException or SqliteException or IOException or UnauthorizedAccessException;

    /// <summary>What chose the DVR path, for messages: the flag, the variable, the config file or the default.</summary>
    public static string Origin(AuraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.DbPathSource switch
        {
            ConfigSource.CommandLine => ConfigOverrides.DbPathFlag,
            ConfigSource.Environment => AuraConfigResolver.DbPathVariable,
            ConfigSource.ConfigFile => config.ConfigFile ?? "aura.toml",
            _ => "default DVR",
        };
    }
}
