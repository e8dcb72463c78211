using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Server.ClaraVerse;

/// <summary>Maps a snapshot to ClaraVerse's shapes. No reading is taken here: everything comes from the snapshot.</summary>
internal static class ClaraView
{
    public static ClaraStats Stats(Snapshot snapshot) => new(
        Cpu(snapshot),
        Memory(snapshot.Memory),
        Disks(snapshot),
        Network(snapshot.Network),
        Gpus(snapshot),
        Processes(snapshot),
        (long)snapshot.Host.UptimeSeconds,
        snapshot.Timestamp);

    public static ClaraCpu Cpu(Snapshot snapshot)
    {
        double? usage = snapshot.Cpu.Total is { } total ? total.Busy * 100 : null;
        return new ClaraCpu(usage, snapshot.Host.CpuCount, AverageFrequency(snapshot.Cpu), CpuTemperature(snapshot.Thermal));
    }

    public static ClaraMemory Memory(MemorySection m) => new(
        m.TotalBytes,
        m.AvailableBytes,
        m.UsedBytes,
        m.UsedRatio * 100,
        new ClaraSwap(m.SwapTotalBytes, m.SwapUsedBytes, m.SwapUsedRatio * 100));

    public static ImmutableArray<ClaraDisk> Disks(Snapshot snapshot)
    {
        var disks = ImmutableArray.CreateBuilder<ClaraDisk>(snapshot.Filesystems.Length);
        foreach (var fs in snapshot.Filesystems)
        {
            var visible = fs.UsedBytes + fs.AvailableBytes;
            var percent = visible > 0 ? 100.0 * fs.UsedBytes / visible : 0.0;
            disks.Add(new ClaraDisk(fs.Device, fs.MountPoint, fs.FsType, fs.TotalBytes, fs.AvailableBytes, fs.UsedBytes, percent));
        }

        return disks.MoveToImmutable();
    }

    public static ClaraNetwork Network(NetworkSection network)
    {
        var t = network.Total.Totals;
        return new ClaraNetwork(t.TxBytes, t.RxBytes, t.TxPackets, t.RxPackets);
    }

    /// <summary>The snapshot's GPUs (an empty list when there are none, never a made-up GPU); a reading the GPU lacks is left out.</summary>
    public static ImmutableArray<ClaraGpu> Gpus(Snapshot snapshot)
    {
        var gpus = ImmutableArray.CreateBuilder<ClaraGpu>(snapshot.Gpus.Length);
        foreach (var g in snapshot.Gpus)
        {
            gpus.Add(new ClaraGpu(
                g.Name,
                g.UtilizationPercent,
                g.MemoryTotalBytes,
                g.MemoryUsedBytes,
                g.MemoryFreeBytes,
                g.MemoryUsedRatio * 100,
                g.TemperatureCelsius,
                g.FanPercent is { } fan ? (int)Math.Round(fan) : null,
                g.PowerWatts,
                g.GraphicsClockMhz,
                g.MemoryClockMhz));
        }

        return gpus.MoveToImmutable();
    }

    public static ImmutableArray<ClaraProcess> Processes(Snapshot snapshot)
    {
        var processes = ImmutableArray.CreateBuilder<ClaraProcess>(snapshot.Processes.Length);
        foreach (var p in snapshot.Processes)
        {
            processes.Add(new ClaraProcess(p.Pid, p.Name, p.CpuPercent, p.MemoryPercent, p.State.ToString()));
        }

        return processes.MoveToImmutable();
    }

    private static double? AverageFrequency(CpuSection cpu)
    {
        double sum = 0;
        var count = 0;
        foreach (var core in cpu.Cores)
        {
            if (core.Online && core.FrequencyMhz is { } mhz)
            {
                sum += mhz;
                count++;
            }
        }

        return count > 0 ? sum / count : null;
    }

    /// <summary>The CPU package sensor when the machine names one (coretemp, k10temp, cpu_thermal...), else the hottest.</summary>
    private static double? CpuTemperature(ThermalSection thermal)
    {
        foreach (var sensor in thermal.Sensors)
        {
            if (LooksLikeCpu(sensor.Id) || LooksLikeCpu(sensor.Label))
            {
                return sensor.Celsius;
            }
        }

        return thermal.Hottest?.Celsius;
    }

    private static bool LooksLikeCpu(string name) =>
        name.Contains("coretemp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("k10temp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("zenpower", StringComparison.OrdinalIgnoreCase)
        || name.Contains("x86_pkg_temp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("cpu", StringComparison.OrdinalIgnoreCase);
}
