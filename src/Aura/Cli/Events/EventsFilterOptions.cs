using System.CommandLine;

namespace Aura.Cli.Events;

/// <summary>`--source`, `--type`, `--level`: exact-match filters for `aura events query` and `aura events tail`.</summary>
internal sealed class EventsFilterOptions
{
    public Option<string?> Source { get; } = new("--source") { Description = "Only events from this source.", HelpName = "source" };
    public Option<string?> Type { get; } = new("--type", "--event-type") { Description = "Only events of this type.", HelpName = "type" };
    public Option<string?> Level { get; } = new("--level") { Description = "Only events of this level: debug, info, warn or error.", HelpName = "level" };

    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Type);
        command.Options.Add(Level);
    }
}
