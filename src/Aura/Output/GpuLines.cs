using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Aura.Core.Model;

namespace Aura.Output;

/// <summary>One summary line per GPU; a reading the GPU does not report is left out of its line.</summary>
internal static class GpuLines
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, ImmutableArray<GpuSample> gpus)
    {
        foreach (var gpu in gpus)
        {
            output.WriteLine(Line(gpu));
        }
    }

    public static string Line(GpuSample g)
    {
        var line = new StringBuilder();
        line.Append(Invariant, $"gpu {g.Index,-4} {g.Name}");
        if (g.UtilizationPercent is { } busy)
        {
            line.Append(Invariant, $" · {busy:0}%");
        }

        if (g.MemoryUsedBytes is { } used && g.MemoryTotalBytes is { } total)
        {
            line.Append(Invariant, $" · mem {Units.Bytes(used)} of {Units.Bytes(total)}");
        }

        if (g.TemperatureCelsius is { } celsius)
        {
            line.Append(Invariant, $" · {celsius:0} °C");
        }

        if (g.PowerWatts is { } watts)
        {
            line.Append(Invariant, $" · {watts:0} W");
            if (g.PowerLimitWatts is { } limit)
            {
                line.Append(Invariant, $" of {limit:0} W");
            }
        }

        if (g.FanPercent is { } fan)
        {
            line.Append(Invariant, $" · fan {fan:0}%");
        }

        if (g.GraphicsClockMhz is { } core)
        {
            line.Append(Invariant, $" · {core} MHz");
            if (g.MemoryClockMhz is { } memory)
            {
                line.Append(Invariant, $" (mem {memory} MHz)");
            }
        }

        if (g.PerformanceState is { } state)
        {
            line.Append(Invariant, $" · P{state}");
        }

        if (g.ThrottleReasons is { } mask && Throttled(mask) is { Length: > 0 } reasons)
        {
            line.Append(" · throttled: ").Append(reasons);
        }

        if (g.EccUncorrectedErrors is > 0 and { } ecc)
        {
            line.Append(Invariant, $" · {ecc} uncorrected ECC errors");
        }

        return line.ToString();
    }

    /// <summary>The reasons that hold clocks back; an idle GPU's "gpu_idle" is not news.</summary>
    private static string Throttled(ulong mask) => string.Join(',', GpuThrottleReasons.Names(mask & ~1UL));
}
