using System.CommandLine;

namespace Aura.Cli;

/// <summary>The root command's flags: the first seed's contract, kept exactly.</summary>
internal sealed class RootOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print each snapshot as one JSON object per line." };
    public Option<bool> Watch { get; } = new("--watch") { Description = "Keep printing a snapshot every interval until Ctrl-C (or --count)." };
    public Option<string?> Interval { get; } = new("--interval") { Description = "Seconds between snapshots in --watch mode (finite, > 0; default 1).", HelpName = "seconds" };
    public Option<string?> Count { get; } = new("--count") { Description = "Stop --watch after this many snapshots.", HelpName = "n" };
    public Option<bool> NoPersist { get; } = new("--no-persist") { Description = "Do not record snapshots into the DVR." };
    public Option<string?> DbPath { get; } = new("--db-path") { Description = "DVR database file (overrides AURA_DB_PATH and aura.toml).", HelpName = "path" };
    public Option<string?> RetentionSeconds { get; } = new("--retention-seconds") { Description = "How long the DVR keeps raw samples (overrides AURA_RETENTION_SECONDS).", HelpName = "seconds" };
    public Option<string?> Latest { get; } = new("--latest") { Description = "Print the latest N recorded snapshots, then exit.", HelpName = "n" };
    public Option<string?> Since { get; } = new("--since") { Description = "Print recorded snapshots from this time (epoch seconds or ISO 8601 with offset).", HelpName = "time" };
    public Option<string?> Until { get; } = new("--until") { Description = "Print recorded snapshots up to this time (epoch seconds or ISO 8601 with offset).", HelpName = "time" };
    public Option<bool> Gui { get; } = new("--gui") { Description = "Open the cockpit instead of printing." };
    public Option<string?> Config { get; } = new("--config") { Description = "Read settings from this aura.toml instead of the platform default.", HelpName = "file" };

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Watch);
        command.Options.Add(Interval);
        command.Options.Add(Count);
        command.Options.Add(NoPersist);
        command.Options.Add(DbPath);
        command.Options.Add(RetentionSeconds);
        command.Options.Add(Latest);
        command.Options.Add(Since);
        command.Options.Add(Until);
        command.Options.Add(Gui);
        command.Options.Add(Config);
    }
}
