using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Storage.Dvr;

namespace Aura.Tui.History;

/// <summary>
/// Rebuilds what every view draws from a recorded tick: the DVR's series values and its top processes. Only recorded
/// figures appear; what the DVR does not keep (filesystem list, raw tegrastats line) is left empty rather than taken from now.
/// </summary>
internal static class RecordedSnapshot
{
    public static Snapshot From(DvrTick tick, DvrProcessTick? processes, HostInfo host)
    {
        var v = new RecordedValues(tick.Values);
        return new Snapshot
        {
            Timestamp = tick.Timestamp,
            Host = host,
            Cpu = Cpu(v),
            Memory = new MemorySection(
                Long(v.One("aura_memory_total_bytes")),
                Long(v.One("aura_memory_available_bytes")),
                Long(v.One("aura_memory_used_bytes")),
                Long(v.One("aura_memory_cached_bytes")),
                Long(v.One("aura_memory_buffers_bytes")),
                Long(v.One("aura_swap_total_bytes")),
                Long(v.One("aura_swap_used_bytes"))),
            Filesystems = [],
            Disks = [.. v.All("aura_disk_read_bytes_per_second").Select(d => new DiskIo(
                d.Label1, 0, 0, 0, 0, d.Value, v.Get("aura_disk_write_bytes_per_second", d.Label1), v.Get("aura_disk_reads_per_second", d.Label1),
                v.Get("aura_disk_writes_per_second", d.Label1), v.Get("aura_disk_busy_ratio", d.Label1)))],
            Network = Network(v),
            Thermal = new ThermalSection([.. v.All("aura_temperature_celsius").Select(t => new TemperatureSensor(t.Label1, t.Label1, t.Value, null, null))]),
            Processes = processes?.Processes ?? [],
            Gpus = [.. v.All("aura_gpu_memory_total_bytes").Select(g => Gpu(v, g.Label1))],
            Jetson = Jetson(v),
        };
    }

    private static CpuSection Cpu(RecordedValues v)
    {
        var usage = v.One("aura_cpu_usage_ratio");
        CpuTimes? total = usage is { } u
            ? new CpuTimes(v.Get("aura_cpu_mode_ratio", "user") ?? u, v.Get("aura_cpu_mode_ratio", "nice") ?? 0, v.Get("aura_cpu_mode_ratio", "system") ?? 0,
                v.Get("aura_cpu_mode_ratio", "iowait") ?? 0, v.Get("aura_cpu_mode_ratio", "irq") ?? 0, v.Get("aura_cpu_mode_ratio", "softirq") ?? 0,
                v.Get("aura_cpu_mode_ratio", "steal") ?? 0, v.Get("aura_cpu_mode_ratio", "idle") ?? (1 - u))
            : null;
        var cores = v.All("aura_cpu_core_online")
            .Select(c => RecordedValues.Int(c.Label1))
            .Where(id => id >= 0)
            .Order()
            .Select(id =>
            {
                var label = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var busy = v.Get("aura_cpu_core_usage_ratio", label);
                CpuTimes? times = busy is { } b ? new CpuTimes(b, 0, 0, 0, 0, 0, 0, 1 - b) : null;
                return new CoreSample(id, v.Get("aura_cpu_core_online", label) != 0, times, v.Get("aura_cpu_core_frequency_hertz", label) / 1e6);
            });
        LoadAverage? load = v.Get("aura_load_average", "1m") is { } one
            ? new LoadAverage(one, v.Get("aura_load_average", "5m") ?? 0, v.Get("aura_load_average", "15m") ?? 0)
            : null;
        return new CpuSection(total, [.. cores], load, v.One("aura_context_switches_per_second"), null, null);
    }

    private static NetworkSection Network(RecordedValues v)
    {
        var interfaces = v.All("aura_network_receive_bytes_per_second")
            .Select(i => new InterfaceSample(i.Label1, default, new NetRates(i.Value, v.Get("aura_network_transmit_bytes_per_second", i.Label1) ?? 0, 0, 0)))
            .ToImmutableArray();
        var rx = interfaces.Where(i => i.Name != "lo").Sum(i => i.Rates!.Value.RxBytesPerSecond);
        var tx = interfaces.Where(i => i.Name != "lo").Sum(i => i.Rates!.Value.TxBytesPerSecond);
        return new NetworkSection(interfaces, new InterfaceSample("total", default, new NetRates(rx, tx, 0, 0)));
    }

    private static GpuSample Gpu(RecordedValues v, string index) => new()
    {
        Index = RecordedValues.Int(index),
        Name = "GPU " + index,
        Vendor = "recorded",
        Source = "dvr",
        UtilizationPercent = v.Get("aura_gpu_utilization_ratio", index, "gpu") * 100,
        MemoryUtilizationPercent = v.Get("aura_gpu_utilization_ratio", index, "memory") * 100,
        EncoderUtilizationPercent = v.Get("aura_gpu_utilization_ratio", index, "encoder") * 100,
        DecoderUtilizationPercent = v.Get("aura_gpu_utilization_ratio", index, "decoder") * 100,
        MemoryTotalBytes = (long?)v.Get("aura_gpu_memory_total_bytes", index),
        MemoryUsedBytes = (long?)v.Get("aura_gpu_memory_used_bytes", index),
        MemoryFreeBytes = (long?)v.Get("aura_gpu_memory_free_bytes", index),
        TemperatureCelsius = v.Get("aura_gpu_temperature_celsius", index),
        FanPercent = v.Get("aura_gpu_fan_ratio", index) * 100,
        PowerWatts = v.Get("aura_gpu_power_watts", index),
        PowerLimitWatts = v.Get("aura_gpu_power_limit_watts", index),
        GraphicsClockMhz = (int?)(v.Get("aura_gpu_clock_hertz", index, "graphics") / 1e6),
        SmClockMhz = (int?)(v.Get("aura_gpu_clock_hertz", index, "sm") / 1e6),
        MemoryClockMhz = (int?)(v.Get("aura_gpu_clock_hertz", index, "memory") / 1e6),
        PerformanceState = (int?)v.Get("aura_gpu_performance_state", index),
    };

    private static JetsonSection? Jetson(RecordedValues v)
    {
        var names = v.All("aura_jetson_engine_on").Select(e => e.Label1).ToList();
        var rails = v.All("aura_jetson_rail_power_watts");
        if (names.Count == 0 && rails.Count == 0)
        {
            return null;
        }

        return new JetsonSection
        {
            Source = "dvr",
            Raw = "",
            Ram = Pool(v, "ram"),
            Swap = Pool(v, "swap"),
            Iram = Pool(v, "iram"),
            Engines = [.. names.Select(n => new JetsonEngine(
                n, v.Get("aura_jetson_engine_on", n) == 0, v.Get("aura_jetson_engine_usage_ratio", n) * 100,
                v.Get("aura_jetson_engine_frequency_hertz", n) / 1e6, v.Get("aura_jetson_engine_value", n)))],
            Rails = [.. rails.Select(r => new JetsonRail(r.Label1, r.Value * 1000, (v.Get("aura_jetson_rail_average_power_watts", r.Label1) ?? 0) * 1000, "mW"))],
            Temperatures = [.. v.All("aura_jetson_temperature_celsius").Select(t => new JetsonTemperature(t.Label1, t.Value))],
        };
    }

    private static JetsonMemory? Pool(RecordedValues v, string pool) =>
        v.Get("aura_jetson_memory_total_bytes", pool) is { } total
            ? new JetsonMemory(Long(v.Get("aura_jetson_memory_used_bytes", pool)), (long)total, null, null)
            : null;

    private static long Long(double? value) => value is { } v ? (long)v : 0;
}
