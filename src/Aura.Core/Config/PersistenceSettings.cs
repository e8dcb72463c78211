using System.Globalization;

namespace Aura.Core.Config;

/// <summary>
/// The <c>[persistence]</c> table of <c>aura.toml</c>: <c>db_path</c>, <c>retention_seconds</c> and the DVR's tuning
/// (<c>flush_seconds</c>, <c>minute_retention_days</c>, <c>hour_retention_days</c>, <c>max_size_mb</c>).
/// </summary>
internal static class PersistenceSettings
{
    private const string Table = "persistence";

    /// <summary>The absolute database path, relative paths taken from the config file's directory; null when unset.</summary>
    public static string? ReadDbPath(TomlTable toml, string? configFile, string? home = null)
    {
        if (!TryFind(toml, configFile, "db_path", out var value, out var where))
        {
            return null;
        }

        if (value is not string path)
        {
            throw new ConfigException($"{where} must be a string, not {TomlText.DescribeType(value)}");
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ConfigException($"{where} must not be empty");
        }

        return AuraConfigResolver.ExplicitPath(path, where, Path.GetDirectoryName(configFile), home);
    }

    public static double? ReadRetentionSeconds(TomlTable toml, string? configFile)
    {
        if (!TryFind(toml, configFile, "retention_seconds", out var value, out var where))
        {
            return null;
        }

        double seconds = value switch
        {
            long integer => integer,
            double real => real,
            _ => throw new ConfigException($"{where} must be a number of seconds, not {TomlText.DescribeType(value)}"),
        };

        if (!AuraConfigResolver.IsValidSeconds(seconds))
        {
            throw new ConfigException(
                $"{where} must be a finite number of seconds greater than 0, not {seconds.ToString(CultureInfo.InvariantCulture)}");
        }

        return seconds;
    }

    public static PersistenceTuning ReadTuning(TomlTable toml, string? configFile) => new()
    {
        FlushSeconds = ReadPositive(toml, configFile, "flush_seconds", "seconds", 3600, whole: false),
        MinuteRetentionDays = ReadPositive(toml, configFile, "minute_retention_days", "days", 36_500, whole: false),
        HourRetentionDays = ReadPositive(toml, configFile, "hour_retention_days", "days", 36_500, whole: false),
        MaxSizeMb = (long?)ReadPositive(toml, configFile, "max_size_mb", "MiB", 1 << 30, whole: true),
    };

    private static double? ReadPositive(TomlTable toml, string? configFile, string key, string unit, double max, bool whole)
    {
        if (!TryFind(toml, configFile, key, out var value, out var where))
        {
            return null;
        }

        double number = value switch
        {
            long integer => integer,
            double real when !whole => real,
            _ => throw new ConfigException($"{where} must be a {(whole ? "whole " : "")}number of {unit}, not {TomlText.DescribeType(value)}"),
        };

        if (!double.IsFinite(number) || number <= 0 || number > max)
        {
            throw new ConfigException(
                $"{where} must be greater than 0 and at most {max.ToString(CultureInfo.InvariantCulture)} {unit}, not {number.ToString(CultureInfo.InvariantCulture)}");
        }

        return number;
    }

    /// <summary>Finds <c>persistence.KEY</c>, with <paramref name="where"/> set to "FILE line N: persistence.KEY" for errors.</summary>
    private static bool TryFind(TomlTable toml, string? configFile, string key, out object value, out string where)
    {
        value = "";
        where = "";
        if (!toml.TryGetValue(Table, out var section))
        {
            return false;
        }

        if (section is not TomlTable persistence)
        {
            throw new ConfigException($"{configFile} line {toml.LineOf(Table)}: {Table} must be a table, not {TomlText.DescribeType(section)}");
        }

        if (!persistence.TryGetValue(key, out var found))
        {
            return false;
        }

        value = found;
        where = $"{configFile} line {persistence.LineOf(key)}: {Table}.{key}";
        return true;
    }
}
