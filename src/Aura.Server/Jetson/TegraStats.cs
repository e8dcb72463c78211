using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Server.Jetson;

/// <summary>JetsonScope's <c>TegraStats</c> from a tegrastats reading: its memory, cores, engines, temperatures, rails and line.</summary>
internal static class TegraStats
{
    private const string TegraUnit = "MB";

    public static TegraStatsView From(Snapshot snapshot, JetsonSection jetson)
    {
        var cores = ImmutableArray.CreateBuilder<TegraCpuCore>(jetson.Cores.Length);
        foreach (var core in jetson.Cores)
        {
            cores.Add(new TegraCpuCore(Whole(core.LoadPercent), Whole(core.FrequencyMhz)));
        }

        var engines = ImmutableSortedDictionary.CreateBuilder<string, TegraEngine>(StringComparer.Ordinal);
        foreach (var engine in jetson.Engines)
        {
            engines[engine.Name] = new TegraEngine(Whole(engine.UsagePercent), Whole(engine.FrequencyMhz), Whole(engine.Value));
        }

        var temps = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var temperature in jetson.Temperatures)
        {
            temps[temperature.Name] = temperature.Celsius;
        }

        var power = ImmutableSortedDictionary.CreateBuilder<string, TegraPowerRail>(StringComparer.Ordinal);
        foreach (var rail in jetson.Rails)
        {
            power[rail.Name] = new TegraPowerRail((uint)Math.Round(rail.CurrentMilliwatts), (uint)Math.Round(rail.AverageMilliwatts));
        }

        return new TegraStatsView(
            snapshot.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            jetson.Ram is { } ram ? new TegraMemory((ulong)ram.UsedBytes, (ulong)ram.TotalBytes, TegraUnit) : null,
            jetson.Swap is { } swap ? new TegraSwap((ulong)swap.UsedBytes, (ulong)swap.TotalBytes, (ulong?)swap.CachedBytes, TegraUnit) : null,
            cores.MoveToImmutable(),
            engines.ToImmutable(),
            temps.ToImmutable(),
            power.ToImmutable(),
            jetson.Raw);
    }

    private static uint? Whole(double? value) => value is { } v && v >= 0 ? (uint)Math.Round(v) : null;
}
