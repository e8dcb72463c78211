using System.CommandLine;
using System.Globalization;
using Aura.Core.Config;
using Aura.Server.Events;
using Aura.Storage.Events;
using Aura.Storage.Files;

namespace Aura.Cli;

/// <summary>
/// `aura db check` runs SQLite's integrity check on the DVR and the event log; `aura db repair` salvages a damaged
/// event log into a fresh file (the daemon must be stopped). Exit 0 when sound or repaired, 1 when damage was found.
/// </summary>
internal static class DbCheckCommands
{
    public static Option<string?> EventsPathOption() =>
        new(EventSettingsReader.PathFlag) { Description = "Event log database file (default: as `aura serve` would use).", HelpName = "path" };

    public static int Check(AuraConfig config, string? eventsFlag)
    {
        var damaged = false;
        foreach (var (what, path) in Files(config, eventsFlag))
        {
            if (!File.Exists(path))
            {
                Console.Out.WriteLine($"{what,-10} {path}: no such file");
                continue;
            }

            var problems = DatabaseCheck.Run(path, quick: false);
            if (problems.Count == 0)
            {
                Console.Out.WriteLine($"{what,-10} {path}: ok");
                continue;
            }

            damaged = true;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-10} {path}: DAMAGED ({problems.Count}{(problems.Count == DatabaseCheck.MaxProblems ? "+" : "")} problems)"));
            foreach (var problem in problems)
            {
                Console.Out.WriteLine($"  {problem}");
            }
        }

        if (damaged)
        {
            Console.Out.WriteLine("stop aura serve, then run `aura db repair` to keep every event that can still be read (the damaged file is kept beside it)");
        }

        return damaged ? ExitCodes.Failure : ExitCodes.Ok;
    }

    public static int Repair(AuraConfig config, string? eventsFlag)
    {
        var path = EventsPath(config, eventsFlag) ?? throw new UsageException("no event log location could be worked out: use --events-path");
        EventLogRepairResult result;
        try
        {
            result = EventLogRepair.Run(path, TimeProvider.System);
        }
        catch (Exception e) when (e is EventLogException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"repair: {e.Message}");
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"repaired {result.Path}: kept {result.Kept} events, lost {result.Lost} that could not be read; the damaged file is kept as {result.DamagedCopy}"));
        return ExitCodes.Ok;
    }

    private static IEnumerable<(string What, string Path)> Files(AuraConfig config, string? eventsFlag)
    {
        if (config.DbPath is { } dvr)
        {
            yield return ("dvr", Path.GetFullPath(dvr));
        }

        if (EventsPath(config, eventsFlag) is { } events)
        {
            yield return ("events", Path.GetFullPath(events));
        }
    }

    private static string? EventsPath(AuraConfig config, string? flag)
    {
        try
        {
            return EventSettingsReader.Read(config, flag, Environment.GetEnvironmentVariable).Options?.Path;
        }
        catch (ConfigException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
