using Aura.Core.Config;
using Aura.Output;
using Aura.Storage.Dvr;

namespace Aura.Cli;

/// <summary>`aura --latest N` and `aura --since T --until T`: recorded ticks, ascending, in the live line format.</summary>
internal static class ReadbackRunner
{
    public static int Run(LiveRequest request, AuraConfig config, LineOutput output)
    {
        var path = config.DbPath ?? throw new UsageException("no DVR location: use --db-path");
        if (!File.Exists(path) && !config.DbPathIsExplicit)
        {
            // Nothing recorded yet at the default location: an empty history, not an error.
            return ExitCodes.Ok;
        }

        IReadOnlyList<DvrTick> ticks;
        try
        {
            using var reader = DvrReader.Open(path);
            ticks = request.Latest is { } latest
                ? reader.Latest(latest, includeValues: request.Json)
                : reader.Range(request.Since, request.Until, includeValues: request.Json);
        }
        catch (Exception e) when (Aura.Server.History.DvrFiles.IsUnusable(e))
        {
            throw new UsageException($"{Aura.Server.History.DvrFiles.Origin(config)}: cannot read DVR database {path}: {e.Message}");
        }

        using var json = new TickJsonLine();
        foreach (var tick in ticks)
        {
            if (request.Json)
            {
                output.WriteRaw(json.Format(tick));
            }
            else
            {
                output.WriteLine(SnapshotText.Line(tick.CpuPercent, tick.MemoryPercent, tick.Timestamp));
            }
        }

        return ExitCodes.Ok;
    }
}
