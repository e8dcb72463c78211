using System.Collections.Immutable;
using Aura.Core.Model;
using C = Aura.Core.Series.SeriesCatalog;

namespace Aura.Core.Series;

/// <summary>Flattens the GPUs of a snapshot, labelled by <see cref="GpuSample.Index"/>. A reading a GPU does not report writes nothing.</summary>
public static class GpuSeries
{
    public static void Write(ImmutableArray<GpuSample> gpus, ISeriesSink sink)
    {
        if (gpus.IsDefault)
        {
            return;
        }

        foreach (var gpu in gpus)
        {
            Write(gpu, sink);
        }
    }

    private static void Write(GpuSample gpu, ISeriesSink sink)
    {
        var id = LabelValues.Of(gpu.Index);
        Percent(sink, C.GpuUtilization, gpu.UtilizationPercent, id, "gpu");
        Percent(sink, C.GpuUtilization, gpu.MemoryUtilizationPercent, id, "memory");
        Percent(sink, C.GpuUtilization, gpu.EncoderUtilizationPercent, id, "encoder");
        Percent(sink, C.GpuUtilization, gpu.DecoderUtilizationPercent, id, "decoder");
        Add(sink, C.GpuMemoryTotal, gpu.MemoryTotalBytes, id);
        Add(sink, C.GpuMemoryUsed, gpu.MemoryUsedBytes, id);
        Add(sink, C.GpuMemoryFree, gpu.MemoryFreeBytes, id);
        Add(sink, C.GpuMemoryUsedRatio, gpu.MemoryUsedRatio, id);
        Add(sink, C.GpuTemperature, gpu.TemperatureCelsius, id);
        Percent(sink, C.GpuFan, gpu.FanPercent, id, null);
        Add(sink, C.GpuPower, gpu.PowerWatts, id);
        Add(sink, C.GpuPowerLimit, gpu.PowerLimitWatts, id);
        Mhz(sink, gpu.GraphicsClockMhz, id, "graphics");
        Mhz(sink, gpu.SmClockMhz, id, "sm");
        Mhz(sink, gpu.MemoryClockMhz, id, "memory");
        Add(sink, C.GpuPerformanceState, gpu.PerformanceState, id);
        if (gpu.ThrottleReasons is { } mask)
        {
            foreach (var (bit, name) in GpuThrottleReasons.Known)
            {
                sink.Add(C.GpuThrottle, (mask & bit) != 0 ? 1 : 0, id, name);
            }
        }

        Add(sink, C.GpuEccErrors, gpu.EccCorrectedErrors, id, "corrected");
        Add(sink, C.GpuEccErrors, gpu.EccUncorrectedErrors, id, "uncorrected");
        if (gpu.Processes is { } processes)
        {
            sink.Add(C.GpuProcesses, processes.Length, id);
        }
    }

    private static void Percent(ISeriesSink sink, SeriesFamily family, double? percent, string id, string? label2)
    {
        if (percent is { } p)
        {
            sink.Add(family, p / 100, id, label2);
        }
    }

    private static void Mhz(ISeriesSink sink, int? mhz, string id, string clock)
    {
        if (mhz is { } m)
        {
            sink.Add(C.GpuClock, m * 1e6, id, clock);
        }
    }

    private static void Add(ISeriesSink sink, SeriesFamily family, double? value, string id, string? label2 = null)
    {
        if (value is { } v)
        {
            sink.Add(family, v, id, label2);
        }
    }
}
