using Aura.Core.Model;
using C = Aura.Core.Series.SeriesCatalog;

namespace Aura.Core.Series;

/// <summary>
/// Flattens a tegrastats reading. Labels are the engine, rail and sensor names tegrastats prints; the parser bounds
/// how many and how long, so a line cannot create unbounded series.
/// </summary>
internal static class JetsonSeries
{
    public static void Write(JetsonSection jetson, ISeriesSink sink)
    {
        foreach (var engine in jetson.Engines)
        {
            sink.Add(C.JetsonEngineOn, engine.Off ? 0 : 1, engine.Name);
            if (engine.UsagePercent is { } usage)
            {
                sink.Add(C.JetsonEngineUsage, usage / 100, engine.Name);
            }

            if (engine.FrequencyMhz is { } mhz)
            {
                sink.Add(C.JetsonEngineFrequency, mhz * 1e6, engine.Name);
            }

            if (engine.Value is { } value)
            {
                sink.Add(C.JetsonEngineValue, value, engine.Name);
            }
        }

        foreach (var rail in jetson.Rails)
        {
            sink.Add(C.JetsonRailPower, rail.CurrentMilliwatts / 1000, rail.Name);
            sink.Add(C.JetsonRailAveragePower, rail.AverageMilliwatts / 1000, rail.Name);
        }

        foreach (var temperature in jetson.Temperatures)
        {
            sink.Add(C.JetsonTemperature, temperature.Celsius, temperature.Name);
        }

        Pool(sink, jetson.Ram, "ram");
        Pool(sink, jetson.Swap, "swap");
        Pool(sink, jetson.Iram, "iram");
    }

    private static void Pool(ISeriesSink sink, JetsonMemory? memory, string pool)
    {
        if (memory is { } m)
        {
            sink.Add(C.JetsonMemoryUsed, m.UsedBytes, pool);
            sink.Add(C.JetsonMemoryTotal, m.TotalBytes, pool);
        }
    }
}
