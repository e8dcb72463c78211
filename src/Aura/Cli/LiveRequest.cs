using System.CommandLine;

namespace Aura.Cli;

/// <summary>The root command's flags, validated: every rule of the seed's CLI contract lives here.</summary>
internal sealed record LiveRequest(
    bool Json,
    bool Watch,
    TimeSpan Interval,
    int? Count,
    bool NoPersist,
    string? DbPath,
    double? RetentionSeconds,
    int? Latest,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    bool Gui,
    string? ConfigFile)
{
    public bool IsReadback => Latest is not null || Since is not null || Until is not null;

    public static LiveRequest From(ParseResult parse, RootOptions o)
    {
        var interval = NumberArgument.Seconds("--interval", parse.GetValue(o.Interval));
        var count = NumberArgument.Count("--count", parse.GetValue(o.Count));
        var watch = parse.GetValue(o.Watch);
        if (count is not null && !watch)
        {
            throw new UsageException("--count requires --watch");
        }

        var retention = NumberArgument.Seconds("--retention-seconds", parse.GetValue(o.RetentionSeconds));

        var dbPath = parse.GetValue(o.DbPath);
        if (dbPath is not null && string.IsNullOrWhiteSpace(dbPath))
        {
            throw new UsageException("--db-path must not be empty");
        }

        var request = new LiveRequest(
            parse.GetValue(o.Json),
            watch,
            TimeSpan.FromSeconds(interval ?? 1.0),
            count,
            parse.GetValue(o.NoPersist),
            dbPath,
            retention,
            NumberArgument.Count("--latest", parse.GetValue(o.Latest)),
            parse.GetValue(o.Since) is { } since ? TimestampArgument.Parse("--since", since) : null,
            parse.GetValue(o.Until) is { } until ? TimestampArgument.Parse("--until", until) : null,
            parse.GetValue(o.Gui),
            parse.GetValue(o.Config));
        request.CheckCombinations();
        return request;
    }

    private void CheckCombinations()
    {
        if (Latest is not null && (Watch || Since is not null || Until is not null || NoPersist))
        {
            throw new UsageException("--latest cannot be combined with --watch, --since, --until or --no-persist");
        }

        if ((Since is not null || Until is not null) && (Watch || NoPersist))
        {
            throw new UsageException("--since/--until read the DVR and cannot be combined with --watch or --no-persist");
        }

        if (Since is { } since && Until is { } until && since > until)
        {
            throw new UsageException($"--since ({since:O}) is after --until ({until:O})");
        }

        if (Gui && (Json || Watch || IsReadback || Count is not null))
        {
            throw new UsageException("--gui cannot be combined with --json, --watch, --count, --latest, --since or --until");
        }
    }
}
