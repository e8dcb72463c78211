using System.Globalization;
using Aura.Core.Config;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>
/// Resolves the event log: its path from the <c>--events-path</c> flag, then <c>AURA_EVENTS_PATH</c>, then
/// <c>[events] path</c> in <c>aura.toml</c>, else <c>events.sqlite</c> next to the DVR file; and from <c>[events]</c>
/// <c>synchronous</c> ("full" or "normal"), <c>retention_days</c>, <c>cleanup_time</c> ("HH:MM" UTC) and <c>max_size_mb</c>.
/// </summary>
public static class EventSettingsReader
{
    public const string PathVariable = "AURA_EVENTS_PATH";
    public const string PathFlag = "--events-path";
    public const string DefaultFileName = "events.sqlite";

    /// <exception cref="ConfigException">A setting has the wrong type or value; the message names it and its file and line.</exception>
    public static EventSettings Read(AuraConfig config, string? flagPath, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(getVariable);
        var file = config.ConfigFile ?? "aura.toml";
        TomlTable? table = null;
        if (config.Toml.TryGetValue("events", out var section))
        {
            table = section as TomlTable ?? throw new ConfigException($"{file} line {config.Toml.LineOf("events")}: events must be a table");
        }

        string? path;
        string origin;
        if (!string.IsNullOrWhiteSpace(flagPath))
        {
            (path, origin) = (Path.GetFullPath(flagPath), PathFlag);
        }
        else if (getVariable(PathVariable) is { Length: > 0 } variable)
        {
            (path, origin) = (Path.GetFullPath(variable), PathVariable);
        }
        else if (String(table, file, "path") is { } configured)
        {
            (path, origin) = (Path.GetFullPath(configured, Path.GetDirectoryName(config.ConfigFile) ?? Environment.CurrentDirectory), file);
        }
        else if (config.DbPath is { } dvr)
        {
            (path, origin) = (Path.Combine(Path.GetDirectoryName(dvr) ?? ".", DefaultFileName), config.DbPathIsExplicit ? "next to the DVR" : "default");
        }
        else
        {
            return new EventSettings(null, false, "default");
        }

        var options = new EventLogOptions
        {
            Path = path,
            Sync = String(table, file, "synchronous") switch
            {
                null or "full" => EventSync.Full,
                "normal" => EventSync.Normal,
                var other => throw Error(table!, file, "synchronous", $"must be \"full\" or \"normal\", not \"{other}\""),
            },
            RetentionDays = (int)(Integer(table, file, "retention_days", 0, 36_500) ?? EventLogOptions.DefaultRetentionDays),
            RetentionTimeUtc = String(table, file, "cleanup_time") is { } at
                ? TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    ? time
                    : throw Error(table!, file, "cleanup_time", $"must be a UTC time \"HH:MM\", not \"{at}\"")
                : new TimeOnly(3, 0),
            MaxBytes = Integer(table, file, "max_size_mb", 1, 1L << 30) * 1024 * 1024,
        };
        return new EventSettings(options, origin != "default", origin);
    }

    private static string? String(TomlTable? table, string file, string key)
    {
        if (table is null || !table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is string text && !string.IsNullOrWhiteSpace(text) ? text : throw Error(table, file, key, "must be a non-empty string");
    }

    private static long? Integer(TomlTable? table, string file, string key, long min, long max)
    {
        if (table is null || !table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is long number && number >= min && number <= max
            ? number
            : throw Error(table, file, key, $"must be a whole number from {min} to {max}");
    }

    private static ConfigException Error(TomlTable table, string file, string key, string problem) =>
        new($"{file} line {table.LineOf(key)}: events.{key} {problem}");
}
