using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aura.Core.Config;
using Aura.Output;
using Aura.Storage.Dvr;

namespace Aura.Cli;

/// <summary>`aura db stats|vacuum|import|check|repair`: look after the DVR file (and check or repair the event log). Each honours --db-path, the environment and aura.toml.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var dbPath = new Option<string?>("--db-path") { Description = "DVR database file (overrides AURA_DB_PATH and aura.toml).", Recursive = true, HelpName = "path" };
        var config = new Option<string?>("--config") { Description = "Read settings from this aura.toml.", Recursive = true, HelpName = "file" };
        var db = new Command("db", "Inspect and maintain the DVR database.") { dbPath, config };

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var stats = new Command("stats", "Series, samples, bytes on disk and time span, per tier and in total.") { json };
        stats.SetAction(parse => Stats(Resolve(parse, dbPath, config), parse.GetValue(json)));

        var vacuum = new Command("vacuum", "Reclaim free pages and checkpoint the write-ahead log.");
        vacuum.SetAction(parse => Vacuum(Resolve(parse, dbPath, config)));

        var file = new Argument<string>("file") { Description = "A database written by the Python Aura (table snapshots)." };
        var import = new Command("import", "Import a legacy Python Aura database into the DVR.") { file };
        import.SetAction(parse => Import(Resolve(parse, dbPath, config), parse.GetValue(file)!));

        var checkEvents = DbCheckCommands.EventsPathOption();
        var check = new Command("check", "Run SQLite's integrity check on the DVR and the event log; exit 1 when either is damaged.") { checkEvents };
        check.SetAction(parse => DbCheckCommands.Check(Resolve(parse, dbPath, config), parse.GetValue(checkEvents)));

        var repairEvents = DbCheckCommands.EventsPathOption();
        var repair = new Command("repair", "Salvage a damaged event log: keep every event that can be read, set the damaged file aside. Stop aura serve first.") { repairEvents };
        repair.SetAction(parse => DbCheckCommands.Repair(Resolve(parse, dbPath, config), parse.GetValue(repairEvents)));

        db.Subcommands.Add(stats);
        db.Subcommands.Add(check);
        db.Subcommands.Add(repair);
        db.Subcommands.Add(vacuum);
        db.Subcommands.Add(import);
        return db;
    }

    private static AuraConfig Resolve(ParseResult parse, Option<string?> dbPath, Option<string?> config)
    {
        var resolved = AuraConfigResolver.Resolve(
            new ConfigOverrides(parse.GetValue(dbPath), null, parse.GetValue(config)), ProcessEnvironment.Current());
        return resolved.DbPath is null ? throw new UsageException("no DVR location could be worked out: use --db-path") : resolved;
    }

    private static int Stats(AuraConfig config, bool json)
    {
        var stats = WithReader(config, reader => reader.Stats());
        using var output = LineOutput.OpenStandardOutput();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(stats, DvrJsonContext.Default.DvrStats));
            return ExitCodes.Ok;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"database {stats.Path}");
        output.WriteLine("tier        series      samples      on disk   bytes/sample  oldest                     newest");
        foreach (var t in stats.Tiers)
        {
            output.WriteLine(string.Create(c, $"{t.Tier.ToString().ToLowerInvariant(),-8} {t.Series,9} {t.Samples,12} {Units.Bytes(t.Bytes),12} {t.BytesPerSample,14:0.000}  {Time(t.Oldest),-25}  {Time(t.Newest)}"));
        }

        output.WriteLine(string.Create(c, $"{"total",-8} {stats.Series,9} {stats.Samples,12} {Units.Bytes(stats.Bytes),12} {stats.BytesPerSample,14:0.000}  {Time(stats.Oldest),-25}  {Time(stats.Newest)}"));
        output.WriteLine(string.Create(c, $"processes: {stats.Processes.Ticks} ticks, {Units.Bytes(stats.Processes.Bytes)}, {stats.Processes.BytesPerTick:0.0} bytes per tick"));
        return ExitCodes.Ok;
    }

    private static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static int Vacuum(AuraConfig config)
    {
        var path = config.DbPath!;
        WithWriter(config, writer => writer.Vacuum());
        Console.Out.WriteLine($"vacuumed {path}");
        return ExitCodes.Ok;
    }

    private static int Import(AuraConfig config, string legacy)
    {
        if (!File.Exists(legacy))
        {
            throw new UsageException($"import: {legacy} does not exist");
        }

        var result = WithWriter(config, writer => writer.Import(legacy));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {result.Imported} rows from {legacy} into {config.DbPath} ({result.Skipped} skipped)"));
        return ExitCodes.Ok;
    }

    private static T WithReader<T>(AuraConfig config, Func<DvrReader, T> read)
    {
        try
        {
            using var reader = DvrReader.Open(config.DbPath!);
            return read(reader);
        }
        catch (Exception e) when (Aura.Server.History.DvrFiles.IsUnusable(e))
        {
            throw new UsageException($"{Aura.Server.History.DvrFiles.Origin(config)}: cannot read DVR database {config.DbPath}: {e.Message}");
        }
    }

    private static T WithWriter<T>(AuraConfig config, Func<DvrWriter, T> write)
    {
        try
        {
            using var writer = DvrWriter.Open(Aura.Server.History.DvrFiles.Options(config, config.DbPath!) with { BackgroundFlush = false }, TimeProvider.System);
            return write(writer);
        }
        catch (Exception e) when (Aura.Server.History.DvrFiles.IsUnusable(e))
        {
            throw new UsageException($"{Aura.Server.History.DvrFiles.Origin(config)}: cannot use DVR database {config.DbPath}: {e.Message}");
        }
    }

    private static void WithWriter(AuraConfig config, Action<DvrWriter> write) => WithWriter(config, writer =>
    {
        write(writer);
        return true;
    });
}
