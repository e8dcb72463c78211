using System.Collections.Immutable;
using System.Globalization;
using Aura.Core.Model;

namespace Aura.Telemetry.Gpu.NvidiaSmi;

/// <summary>
/// Parses <c>nvidia-smi --query-gpu=… --format=csv,noheader,nounits</c>: one line per GPU, values separated by ", ",
/// memory in MiB, power in W, clocks in MHz. A value in brackets (<c>[N/A]</c>, <c>[Not Supported]</c>,
/// <c>[Unknown Error]</c>, <c>[Insufficient Permissions]</c>) or one that is not a number is absent, never 0.
/// A line with a different number of columns than fields asked for is not a GPU and is skipped.
/// </summary>
internal static class NvidiaSmiParser
{
    private const long MiB = 1024 * 1024;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ImmutableArray<GpuSample> ParseGpus(string csv, IReadOnlyList<string> fields)
    {
        var gpus = ImmutableArray.CreateBuilder<GpuSample>();
        foreach (var line in csv.Split('\n'))
        {
            var columns = line.Split(',', StringSplitOptions.TrimEntries);
            if (columns.Length != fields.Count || line.Trim().Length == 0)
            {
                continue;
            }

            var row = new Row(fields, columns);
            gpus.Add(new GpuSample
            {
                Index = (int?)row.Integer(NvidiaSmiFields.Index) ?? gpus.Count,
                Name = row.Text(NvidiaSmiFields.Name) ?? "NVIDIA GPU",
                Uuid = row.Text(NvidiaSmiFields.Uuid),
                Vendor = GpuVendors.Nvidia,
                Source = GpuSources.NvidiaSmi,
                UtilizationPercent = row.Number(NvidiaSmiFields.UtilizationGpu),
                MemoryUtilizationPercent = row.Number(NvidiaSmiFields.UtilizationMemory),
                EncoderUtilizationPercent = row.Number(NvidiaSmiFields.UtilizationEncoder),
                DecoderUtilizationPercent = row.Number(NvidiaSmiFields.UtilizationDecoder),
                MemoryTotalBytes = row.Integer(NvidiaSmiFields.MemoryTotal) * MiB,
                MemoryUsedBytes = row.Integer(NvidiaSmiFields.MemoryUsed) * MiB,
                MemoryFreeBytes = row.Integer(NvidiaSmiFields.MemoryFree) * MiB,
                TemperatureCelsius = row.Number(NvidiaSmiFields.Temperature),
                FanPercent = row.Number(NvidiaSmiFields.Fan),
                PowerWatts = row.Number(NvidiaSmiFields.Power),
                PowerLimitWatts = row.Number(NvidiaSmiFields.PowerLimit),
                GraphicsClockMhz = (int?)row.Integer(NvidiaSmiFields.ClockGraphics),
                SmClockMhz = (int?)row.Integer(NvidiaSmiFields.ClockSm),
                MemoryClockMhz = (int?)row.Integer(NvidiaSmiFields.ClockMemory),
                PerformanceState = PerformanceState(row.Text(NvidiaSmiFields.PerformanceState)),
                ThrottleReasons = Hex(row.Text(NvidiaSmiFields.ThrottleReasons)),
                EccCorrectedErrors = row.Integer(NvidiaSmiFields.EccCorrected),
                EccUncorrectedErrors = row.Integer(NvidiaSmiFields.EccUncorrected),
            });
        }

        return gpus.ToImmutable();
    }

    /// <summary>
    /// Parses <c>--query-compute-apps=gpu_uuid,pid,used_memory</c> into each GPU's processes, keyed by UUID. A process
    /// on two GPUs is listed under both; one without a memory figure (<c>[N/A]</c>) has none.
    /// </summary>
    public static Dictionary<string, List<GpuProcess>> ParseApps(string csv)
    {
        var byGpu = new Dictionary<string, List<GpuProcess>>(StringComparer.Ordinal);
        foreach (var line in csv.Split('\n'))
        {
            var columns = line.Split(',', StringSplitOptions.TrimEntries);
            if (columns.Length != 3 || columns[0].Length == 0
                || !int.TryParse(columns[1], NumberStyles.None, Invariant, out var pid))
            {
                continue;
            }

            long? used = long.TryParse(columns[2], NumberStyles.None, Invariant, out var mib) ? mib * MiB : null;
            if (!byGpu.TryGetValue(columns[0], out var list))
            {
                byGpu[columns[0]] = list = [];
            }

            list.Add(new GpuProcess(pid, used));
        }

        return byGpu;
    }

    /// <summary>The name of the field an older nvidia-smi refused (<c>Field "x" is not a valid field to query.</c>), or null.</summary>
    public static string? RefusedField(string output)
    {
        const string Marker = "\" is not a valid field to query";
        var end = output.IndexOf(Marker, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var start = output.LastIndexOf('"', end - 1);
        return start < 0 ? null : output[(start + 1)..end];
    }

    private static int? PerformanceState(string? text) =>
        text is ['P', .. var digits] && int.TryParse(digits, NumberStyles.None, Invariant, out var state) && state is >= 0 and <= 15 ? state : null;

    private static ulong? Hex(string? text) =>
        text is not null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, Invariant, out var mask) ? mask : null;

    private readonly struct Row(IReadOnlyList<string> fields, string[] columns)
    {
        public string? Text(string field)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i] == field)
                {
                    var value = columns[i];
                    return value.Length == 0 || value.StartsWith('[') || value is "N/A" ? null : value;
                }
            }

            return null;
        }

        public double? Number(string field) =>
            double.TryParse(Text(field), NumberStyles.AllowDecimalPoint, Invariant, out var value) ? value : null;

        public long? Integer(string field) =>
            long.TryParse(Text(field), NumberStyles.None, Invariant, out var value) ? value : null;
    }
}
