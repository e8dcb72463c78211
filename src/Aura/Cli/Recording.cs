using Aura.Core.Config;
using Aura.Storage.Dvr;
using Microsoft.Data.Sqlite;

namespace Aura.Cli;

/// <summary>
/// Opens the DVR that live snapshots are recorded into. An explicitly chosen path (flag, environment, config file)
/// that cannot be used is an error; the platform default that cannot be used only costs a warning, and `aura`
/// keeps printing live, as the seed did.
/// </summary>
internal static class Recording
{
    public static DvrWriter? Open(AuraConfig config, LiveRequest request, TimeProvider clock, TextWriter warnings)
    {
        if (request.NoPersist)
        {
            return null;
        }

        if (config.DbPath is not { } path)
        {
            warnings.WriteLine("aura: warning: not recording: no default DVR location (no home directory); use --db-path");
            return null;
        }

        try
        {
            return DvrWriter.Open(Options(config, path), clock, new WarningLogger(warnings));
        }
        catch (Exception e) when (IsUnusable(e))
        {
            if (config.DbPathIsExplicit)
            {
                throw new UsageException($"{DbPathOrigin(config)}: cannot use DVR database {path}: {e.Message}");
            }

            warnings.WriteLine($"aura: warning: not recording: the default DVR {path} cannot be used ({e.Message}); printing live only");
            return null;
        }
    }

    public static DvrOptions Options(AuraConfig config, string path)
    {
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

    public static bool IsUnusable(Exception e) =>
        e is DvrException or SqliteException or IOException or UnauthorizedAccessException;

    public static string DbPathOrigin(AuraConfig config) => config.DbPathSource switch
    {
        ConfigSource.CommandLine => ConfigOverrides.DbPathFlag,
        ConfigSource.Environment => AuraConfigResolver.DbPathVariable,
        ConfigSource.ConfigFile => config.ConfigFile ?? "aura.toml",
        _ => "default DVR",
    };
}
