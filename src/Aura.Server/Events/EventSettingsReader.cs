using System.Globalization;
using Aura.Core.Config;
using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>
/// Resolves the event log: its path from the <c>--events-path</c> flag, then <c>AURA_EVENTS_PATH</c>, then
/// <c>[events] path</c> in <c>aura.toml</c> (or Argus's <c>[database] path</c>), then a caller's default (Argus's own
/// database when started as <c>argus</c>), else <c>events.sqlite</c> next to the DVR file; and from <c>[events]</c>
/// <c>synchronous</c> ("full" or "normal"), <c>retention_days</c>, <c>cleanup_time</c> ("HH:MM" UTC) and <c>max_size_mb</c>.
/// Argus's <c>[retention] days</c>, <c>cleanup_time</c> (local time, as Argus scheduled it) and <c>vacuum_after_cleanup</c>
/// mean what they meant to Argus; Aura's own names win where both are given.
/// </summary>
public static class EventSettingsReader
{
    public const string PathVariable = "AURA_EVENTS_PATH";
    public const string PathFlag = "--events-path";
    public const string DefaultPathFlag = "--default-events-path";
    public const string DefaultFileName = "events.sqlite";

    /// <exception cref="ConfigException">A setting has the wrong type or value; the message names it and its file and line.</exception>
    public static EventSettings Read(AuraConfig config, string? flagPath, Func<string, string?> getVariable, string? defaultPath = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(getVariable);
        var settings = new Settings(config);
        var home = config.HomeDirectory;

        string? path;
        string origin;
        if (!string.IsNullOrWhiteSpace(flagPath))
        {
            (path, origin) = (Path.GetFullPath(HomePath.Expand(flagPath, home)), PathFlag);
        }
        else if (getVariable(PathVariable) is { Length: > 0 } variable)
        {
            (path, origin) = (Path.GetFullPath(HomePath.Expand(variable, home)), PathVariable);
        }
        else if ((settings.String("events", "path") ?? settings.String("database", "path")) is { } configured)
        {
            (path, origin) = (Path.GetFullPath(HomePath.Expand(configured, home), Path.GetDirectoryName(config.ConfigFile) ?? Environment.CurrentDirectory), settings.File);
        }
        else if (!string.IsNullOrWhiteSpace(defaultPath))
        {
            (path, origin) = (Path.GetFullPath(HomePath.Expand(defaultPath, home)), "default");
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
            Sync = settings.String("events", "synchronous") switch
            {
                null or "full" => EventSync.Full,
                "normal" => EventSync.Normal,
                var other => throw settings.Error("events", "synchronous", $"must be \"full\" or \"normal\", not \"{other}\""),
            },
            RetentionDays = (int)(settings.Integer("events", "retention_days", 0, 36_500)
                ?? settings.Integer("retention", "days", 0, 36_500)
                ?? EventLogOptions.DefaultRetentionDays),
            RetentionTimeUtc = settings.Time("events", "cleanup_time", "a UTC time")
                ?? (settings.Time("retention", "cleanup_time", "a local time") is { } local ? LocalToUtc(local, clock) : new TimeOnly(3, 0)),
            VacuumAfterRetention = settings.Boolean("retention", "vacuum_after_cleanup") ?? true,
            MaxBytes = settings.Integer("events", "max_size_mb", 1, 1L << 30) * 1024 * 1024,
        };
        return new EventSettings(options, origin != "default", origin);
    }

    /// <summary>Argus ran its daily cleanup at a local time; Aura schedules in UTC, so the time moves by today's offset.</summary>
    private static TimeOnly LocalToUtc(TimeOnly local, TimeProvider clock)
    {
        var offset = clock.LocalTimeZone.GetUtcOffset(clock.GetUtcNow());
        return local.Add(-offset);
    }

    private sealed class Settings(AuraConfig config)
    {
        public string File { get; } = config.ConfigFile ?? "aura.toml";

        public string? String(string table, string key) =>
            Find(table, key, out var value) is not { } where ? null
            : value is string text && !string.IsNullOrWhiteSpace(text) ? text
            : throw Error(where, table, key, "must be a non-empty string");

        public long? Integer(string table, string key, long min, long max) =>
            Find(table, key, out var value) is not { } where ? null
            : value is long number && number >= min && number <= max ? number
            : throw Error(where, table, key, $"must be a whole number from {min} to {max}");

        public bool? Boolean(string table, string key) =>
            Find(table, key, out var value) is not { } where ? null
            : value as bool? ?? throw Error(where, table, key, "must be true or false");

        public TimeOnly? Time(string table, string key, string what) =>
            String(table, key) is not { } at ? null
            : TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
            : throw Error(table, key, $"must be {what} \"HH:MM\", not \"{at}\"");

        public ConfigException Error(string table, string key, string problem) =>
            Error(config.Toml.TryGetValue(table, out var section) ? section as TomlTable : null, table, key, problem);

        private ConfigException Error(TomlTable? where, string table, string key, string problem) =>
            new($"{File} line {where?.LineOf(key) ?? config.Toml.LineOf(table)}: {table}.{key} {problem}");

        private TomlTable? Find(string table, string key, out object? value)
        {
            value = null;
            if (!config.Toml.TryGetValue(table, out var section))
            {
                return null;
            }

            var where = section as TomlTable ?? throw new ConfigException($"{File} line {config.Toml.LineOf(table)}: {table} must be a table");
            return where.TryGetValue(key, out value) ? where : null;
        }
    }
}
