using System.Collections.Immutable;

namespace Aura.Core.Series;

/// <summary>
/// Every series a snapshot flattens to. One catalog serves the DVR, /metrics and the cockpit.
/// Precision is the step values are stored at; it matches what the kernel reports (meminfo is in KiB,
/// hwmon in millidegrees) or what a person can see (0.01 % for ratios).
/// </summary>
public static class SeriesCatalog
{
    private const double RatioStep = 0.0001;
    private const double KiB = 1024;

    public static readonly SeriesFamily CpuUsage = new("aura_cpu_usage_ratio", "Share of CPU time not idle or waiting on I/O, all cores.", "ratio", RatioStep);
    public static readonly SeriesFamily CpuMode = new("aura_cpu_mode_ratio", "Share of CPU time per state, all cores.", "ratio", RatioStep, Label1: "mode");
    public static readonly SeriesFamily CoreUsage = new("aura_cpu_core_usage_ratio", "Share of a core's time not idle or waiting on I/O.", "ratio", RatioStep, Label1: "cpu");
    public static readonly SeriesFamily CoreMode = new("aura_cpu_core_mode_ratio", "Share of a core's time per state.", "ratio", RatioStep, Label1: "cpu", Label2: "mode");
    public static readonly SeriesFamily CoreFrequency = new("aura_cpu_core_frequency_hertz", "Current core frequency.", "hertz", 1e6, Label1: "cpu");
    public static readonly SeriesFamily CoreOnline = new("aura_cpu_core_online", "1 when the core is online.", "bool", 1, Label1: "cpu");
    public static readonly SeriesFamily LoadAverage = new("aura_load_average", "Run-queue load average.", "tasks", 0.01, Label1: "window");
    public static readonly SeriesFamily ContextSwitches = new("aura_context_switches_per_second", "Context switches per second.", "per_second", 1);
    public static readonly SeriesFamily ProcsRunning = new("aura_procs_running", "Runnable tasks.", "tasks", 1);
    public static readonly SeriesFamily ProcsBlocked = new("aura_procs_blocked", "Tasks blocked on I/O.", "tasks", 1);

    public static readonly SeriesFamily MemoryTotal = new("aura_memory_total_bytes", "Physical memory.", "bytes", KiB);
    public static readonly SeriesFamily MemoryAvailable = new("aura_memory_available_bytes", "Memory available to start new work without swapping.", "bytes", KiB);
    public static readonly SeriesFamily MemoryUsed = new("aura_memory_used_bytes", "Total minus available memory.", "bytes", KiB);
    public static readonly SeriesFamily MemoryCached = new("aura_memory_cached_bytes", "Page cache.", "bytes", KiB);
    public static readonly SeriesFamily MemoryBuffers = new("aura_memory_buffers_bytes", "Block device buffers.", "bytes", KiB);
    public static readonly SeriesFamily MemoryUsedRatio = new("aura_memory_used_ratio", "Used share of physical memory.", "ratio", RatioStep);
    public static readonly SeriesFamily SwapTotal = new("aura_swap_total_bytes", "Swap space.", "bytes", KiB);
    public static readonly SeriesFamily SwapUsed = new("aura_swap_used_bytes", "Swap in use.", "bytes", KiB);
    public static readonly SeriesFamily SwapUsedRatio = new("aura_swap_used_ratio", "Used share of swap.", "ratio", RatioStep);

    public static readonly SeriesFamily FilesystemSize = new("aura_filesystem_size_bytes", "Filesystem size.", "bytes", 4096, Label1: "mountpoint");
    public static readonly SeriesFamily FilesystemFree = new("aura_filesystem_free_bytes", "Free bytes, including those reserved for root.", "bytes", 4096, Label1: "mountpoint");
    public static readonly SeriesFamily FilesystemAvailable = new("aura_filesystem_avail_bytes", "Bytes an unprivileged user may still write.", "bytes", 4096, Label1: "mountpoint");
    public static readonly SeriesFamily FilesystemUsedRatio = new("aura_filesystem_used_ratio", "Used share of the filesystem.", "ratio", RatioStep, Label1: "mountpoint");

    public static readonly SeriesFamily DiskReadBytes = new("aura_disk_read_bytes_total", "Bytes read since boot.", "bytes", 512, SeriesKind.Counter, "device");
    public static readonly SeriesFamily DiskWrittenBytes = new("aura_disk_written_bytes_total", "Bytes written since boot.", "bytes", 512, SeriesKind.Counter, "device");
    public static readonly SeriesFamily DiskReadRate = new("aura_disk_read_bytes_per_second", "Bytes read per second.", "bytes_per_second", 1, Label1: "device");
    public static readonly SeriesFamily DiskWriteRate = new("aura_disk_write_bytes_per_second", "Bytes written per second.", "bytes_per_second", 1, Label1: "device");
    public static readonly SeriesFamily DiskReadOps = new("aura_disk_reads_per_second", "Read operations per second.", "per_second", 0.01, Label1: "device");
    public static readonly SeriesFamily DiskWriteOps = new("aura_disk_writes_per_second", "Write operations per second.", "per_second", 0.01, Label1: "device");
    public static readonly SeriesFamily DiskBusy = new("aura_disk_busy_ratio", "Share of time the device had I/O in flight.", "ratio", RatioStep, Label1: "device");

    public static readonly SeriesFamily NetReceivedBytes = new("aura_network_receive_bytes_total", "Bytes received since boot.", "bytes", 1, SeriesKind.Counter, "interface");
    public static readonly SeriesFamily NetSentBytes = new("aura_network_transmit_bytes_total", "Bytes sent since boot.", "bytes", 1, SeriesKind.Counter, "interface");
    public static readonly SeriesFamily NetReceivedPackets = new("aura_network_receive_packets_total", "Packets received since boot.", "packets", 1, SeriesKind.Counter, "interface");
    public static readonly SeriesFamily NetSentPackets = new("aura_network_transmit_packets_total", "Packets sent since boot.", "packets", 1, SeriesKind.Counter, "interface");
    public static readonly SeriesFamily NetErrors = new("aura_network_errors_total", "Receive and transmit errors since boot.", "errors", 1, SeriesKind.Counter, "interface");
    public static readonly SeriesFamily NetDrops = new("aura_network_drops_total", "Receive and transmit drops since boot.", "packets", 1, SeriesKind.Counter, "interface");
    public static readonly SeriesFamily NetReceiveRate = new("aura_network_receive_bytes_per_second", "Bytes received per second.", "bytes_per_second", 1, Label1: "interface");
    public static readonly SeriesFamily NetSendRate = new("aura_network_transmit_bytes_per_second", "Bytes sent per second.", "bytes_per_second", 1, Label1: "interface");

    public static readonly SeriesFamily Temperature = new("aura_temperature_celsius", "Sensor temperature.", "celsius", 0.1, Label1: "sensor");
    public static readonly SeriesFamily HottestTemperature = new("aura_temperature_hottest_celsius", "The hottest sensor's temperature.", "celsius", 0.1);

    public static readonly SeriesFamily GpuUtilization = new("aura_gpu_utilization_ratio", "Share of time a GPU engine was busy (gpu: kernels, memory: memory reads and writes, encoder, decoder).", "ratio", RatioStep, Label1: "gpu", Label2: "engine");
    public static readonly SeriesFamily GpuMemoryTotal = new("aura_gpu_memory_total_bytes", "GPU device memory.", "bytes", 1, Label1: "gpu");
    public static readonly SeriesFamily GpuMemoryUsed = new("aura_gpu_memory_used_bytes", "GPU device memory in use.", "bytes", 1, Label1: "gpu");
    public static readonly SeriesFamily GpuMemoryFree = new("aura_gpu_memory_free_bytes", "GPU device memory free.", "bytes", 1, Label1: "gpu");
    public static readonly SeriesFamily GpuMemoryUsedRatio = new("aura_gpu_memory_used_ratio", "Used share of GPU device memory.", "ratio", RatioStep, Label1: "gpu");
    public static readonly SeriesFamily GpuTemperature = new("aura_gpu_temperature_celsius", "GPU core (edge) temperature.", "celsius", 0.1, Label1: "gpu");
    public static readonly SeriesFamily GpuFan = new("aura_gpu_fan_ratio", "GPU fan speed as a share of its maximum.", "ratio", RatioStep, Label1: "gpu");
    public static readonly SeriesFamily GpuPower = new("aura_gpu_power_watts", "GPU power draw.", "watts", 0.001, Label1: "gpu");
    public static readonly SeriesFamily GpuPowerLimit = new("aura_gpu_power_limit_watts", "GPU power limit the driver enforces.", "watts", 0.001, Label1: "gpu");
    public static readonly SeriesFamily GpuClock = new("aura_gpu_clock_hertz", "GPU clock (graphics, sm, memory).", "hertz", 1e6, Label1: "gpu", Label2: "clock");
    public static readonly SeriesFamily GpuPerformanceState = new("aura_gpu_performance_state", "GPU performance state, 0 (P0, fastest) to 15.", "state", 1, Label1: "gpu");
    public static readonly SeriesFamily GpuThrottle = new("aura_gpu_throttle_active", "1 while this reason holds the GPU clocks back.", "bool", 1, Label1: "gpu", Label2: "reason");
    public static readonly SeriesFamily GpuEccErrors = new("aura_gpu_ecc_errors_total", "ECC errors since the driver loaded (corrected, uncorrected).", "errors", 1, SeriesKind.Counter, "gpu", "type");
    public static readonly SeriesFamily GpuProcesses = new("aura_gpu_processes", "Processes with a context on the GPU.", "processes", 1, Label1: "gpu");
    public static readonly SeriesFamily JetsonEngineUsage = new("aura_jetson_engine_usage_ratio", "Share of time a Jetson engine was busy, as tegrastats reports it.", "ratio", RatioStep, Label1: "engine");
    public static readonly SeriesFamily JetsonEngineFrequency = new("aura_jetson_engine_frequency_hertz", "A Jetson engine's clock, as tegrastats reports it.", "hertz", 1e6, Label1: "engine");
    public static readonly SeriesFamily JetsonEngineValue = new("aura_jetson_engine_value", "A Jetson engine's bare figure as tegrastats prints it (APE 150; NVIDIA documents these as MHz).", "value", 1, Label1: "engine");
    public static readonly SeriesFamily JetsonEngineOn = new("aura_jetson_engine_on", "0 when tegrastats reports the engine off, else 1.", "bool", 1, Label1: "engine");
    public static readonly SeriesFamily JetsonRailPower = new("aura_jetson_rail_power_watts", "A Jetson power rail's instant draw.", "watts", 0.001, Label1: "rail");
    public static readonly SeriesFamily JetsonRailAveragePower = new("aura_jetson_rail_average_power_watts", "A Jetson power rail's running average draw, as tegrastats keeps it.", "watts", 0.001, Label1: "rail");
    public static readonly SeriesFamily JetsonTemperature = new("aura_jetson_temperature_celsius", "A temperature tegrastats reports (its -256 no-reading values are left out).", "celsius", 0.001, Label1: "sensor");
    public static readonly SeriesFamily JetsonMemoryUsed = new("aura_jetson_memory_used_bytes", "Used memory per tegrastats pool (ram, swap, iram).", "bytes", KiB, Label1: "pool");
    public static readonly SeriesFamily JetsonMemoryTotal = new("aura_jetson_memory_total_bytes", "Size of each tegrastats memory pool (ram, swap, iram).", "bytes", KiB, Label1: "pool");

    public static readonly SeriesFamily Uptime = new("aura_uptime_seconds", "Seconds since boot.", "seconds", 1, SeriesKind.Counter);

    // Declared after the families: static initialisers run in textual order.
    /// <summary>Every family, in a stable order (the order of /metrics and the series listing).</summary>
    public static readonly SeriesFamily ScreenChanged = new("aura_screen_changed_ratio", "Share of the watched X screen that changed since the previous tick (the agent's grid diff).", "ratio", RatioStep);
    public static readonly SeriesFamily ScreenRegions = new("aura_screen_changed_regions", "Changed regions of the watched X screen since the previous tick (at most 10).", "count", 1);

    public static ImmutableArray<SeriesFamily> All { get; } =
    [
        CpuUsage, CpuMode, CoreUsage, CoreMode, CoreFrequency, CoreOnline, LoadAverage, ContextSwitches, ProcsRunning, ProcsBlocked,
        MemoryTotal, MemoryAvailable, MemoryUsed, MemoryCached, MemoryBuffers, MemoryUsedRatio, SwapTotal, SwapUsed, SwapUsedRatio,
        FilesystemSize, FilesystemFree, FilesystemAvailable, FilesystemUsedRatio,
        DiskReadBytes, DiskWrittenBytes, DiskReadRate, DiskWriteRate, DiskReadOps, DiskWriteOps, DiskBusy,
        NetReceivedBytes, NetSentBytes, NetReceivedPackets, NetSentPackets, NetErrors, NetDrops, NetReceiveRate, NetSendRate,
        Temperature, HottestTemperature,
        GpuUtilization, GpuMemoryTotal, GpuMemoryUsed, GpuMemoryFree, GpuMemoryUsedRatio, GpuTemperature, GpuFan, GpuPower, GpuPowerLimit,
        GpuClock, GpuPerformanceState, GpuThrottle, GpuEccErrors, GpuProcesses,
        JetsonEngineUsage, JetsonEngineFrequency, JetsonEngineValue, JetsonEngineOn, JetsonRailPower, JetsonRailAveragePower,
        JetsonTemperature, JetsonMemoryUsed, JetsonMemoryTotal,
        ScreenChanged, ScreenRegions,
        Uptime,
    ];

    private static readonly Dictionary<string, SeriesFamily> ByName = BuildIndex();

    public static SeriesFamily? Find(string name) => ByName.GetValueOrDefault(name);

    private static Dictionary<string, SeriesFamily> BuildIndex()
    {
        var index = new Dictionary<string, SeriesFamily>(StringComparer.Ordinal);
        foreach (var family in All)
        {
            index.Add(family.Name, family);
        }

        return index;
    }
}
