using Aura.Core.Model;
using C = Aura.Core.Series.SeriesCatalog;

namespace Aura.Core.Series;

/// <summary>Flattens a snapshot into named series. Absent readings (first-sample rates, missing sensors) write nothing.</summary>
public static class SnapshotSeries
{
    public static void Write(Snapshot snapshot, ISeriesSink sink)
    {
        WriteCpu(snapshot.Cpu, sink);
        WriteMemory(snapshot.Memory, sink);
        WriteStorage(snapshot, sink);
        WriteNetwork(snapshot.Network, sink);
        WriteThermal(snapshot.Thermal, sink);
        GpuSeries.Write(snapshot.Gpus, sink);
        if (snapshot.Jetson is { } jetson)
        {
            JetsonSeries.Write(jetson, sink);
        }

        if (snapshot.Screen is { } screen)
        {
            sink.Add(C.ScreenChanged, screen.ChangedRatio);
            sink.Add(C.ScreenRegions, screen.Regions);
        }

        sink.Add(C.Uptime, snapshot.Host.UptimeSeconds);
    }

    private static void WriteCpu(CpuSection cpu, ISeriesSink sink)
    {
        if (cpu.Total is { } total)
        {
            sink.Add(C.CpuUsage, total.Busy);
            sink.Add(C.CpuMode, total.User, "user");
            sink.Add(C.CpuMode, total.Nice, "nice");
            sink.Add(C.CpuMode, total.System, "system");
            sink.Add(C.CpuMode, total.IoWait, "iowait");
            sink.Add(C.CpuMode, total.Irq, "irq");
            sink.Add(C.CpuMode, total.SoftIrq, "softirq");
            sink.Add(C.CpuMode, total.Steal, "steal");
            sink.Add(C.CpuMode, total.Idle, "idle");
        }

        foreach (var core in cpu.Cores)
        {
            var id = LabelValues.Of(core.Id);
            sink.Add(C.CoreOnline, core.Online ? 1 : 0, id);
            if (core.Times is { } times)
            {
                sink.Add(C.CoreUsage, times.Busy, id);
                sink.Add(C.CoreMode, times.User, id, "user");
                sink.Add(C.CoreMode, times.System, id, "system");
                sink.Add(C.CoreMode, times.IoWait, id, "iowait");
                sink.Add(C.CoreMode, times.Steal, id, "steal");
                sink.Add(C.CoreMode, times.Idle, id, "idle");
            }

            if (core.FrequencyMhz is { } mhz)
            {
                sink.Add(C.CoreFrequency, mhz * 1e6, id);
            }
        }

        if (cpu.Load is { } load)
        {
            sink.Add(C.LoadAverage, load.One, "1m");
            sink.Add(C.LoadAverage, load.Five, "5m");
            sink.Add(C.LoadAverage, load.Fifteen, "15m");
        }

        AddIfPresent(sink, C.ContextSwitches, cpu.ContextSwitchesPerSecond);
        AddIfPresent(sink, C.ProcsRunning, cpu.ProcsRunning);
        AddIfPresent(sink, C.ProcsBlocked, cpu.ProcsBlocked);
    }

    private static void WriteMemory(MemorySection memory, ISeriesSink sink)
    {
        if (memory.TotalBytes <= 0)
        {
            return;
        }

        sink.Add(C.MemoryTotal, memory.TotalBytes);
        sink.Add(C.MemoryAvailable, memory.AvailableBytes);
        sink.Add(C.MemoryUsed, memory.UsedBytes);
        sink.Add(C.MemoryCached, memory.CachedBytes);
        sink.Add(C.MemoryBuffers, memory.BuffersBytes);
        sink.Add(C.MemoryUsedRatio, memory.UsedRatio);
        sink.Add(C.SwapTotal, memory.SwapTotalBytes);
        sink.Add(C.SwapUsed, memory.SwapUsedBytes);
        sink.Add(C.SwapUsedRatio, memory.SwapUsedRatio);
    }

    private static void WriteStorage(Snapshot snapshot, ISeriesSink sink)
    {
        foreach (var fs in snapshot.Filesystems)
        {
            sink.Add(C.FilesystemSize, fs.TotalBytes, fs.MountPoint);
            sink.Add(C.FilesystemFree, fs.FreeBytes, fs.MountPoint);
            sink.Add(C.FilesystemAvailable, fs.AvailableBytes, fs.MountPoint);
            sink.Add(C.FilesystemUsedRatio, fs.UsedRatio, fs.MountPoint);
        }

        foreach (var disk in snapshot.Disks)
        {
            sink.Add(C.DiskReadBytes, disk.ReadBytesTotal, disk.Device);
            sink.Add(C.DiskWrittenBytes, disk.WriteBytesTotal, disk.Device);
            AddIfPresent(sink, C.DiskReadRate, disk.ReadBytesPerSecond, disk.Device);
            AddIfPresent(sink, C.DiskWriteRate, disk.WriteBytesPerSecond, disk.Device);
            AddIfPresent(sink, C.DiskReadOps, disk.ReadOpsPerSecond, disk.Device);
            AddIfPresent(sink, C.DiskWriteOps, disk.WriteOpsPerSecond, disk.Device);
            AddIfPresent(sink, C.DiskBusy, disk.BusyRatio, disk.Device);
        }
    }

    private static void WriteNetwork(NetworkSection network, ISeriesSink sink)
    {
        foreach (var nic in network.Interfaces)
        {
            WriteInterface(nic, sink);
        }

        if (!network.Interfaces.IsDefaultOrEmpty)
        {
            WriteInterface(network.Total, sink);
        }
    }

    private static void WriteInterface(InterfaceSample nic, ISeriesSink sink)
    {
        var t = nic.Totals;
        sink.Add(C.NetReceivedBytes, t.RxBytes, nic.Name);
        sink.Add(C.NetSentBytes, t.TxBytes, nic.Name);
        sink.Add(C.NetReceivedPackets, t.RxPackets, nic.Name);
        sink.Add(C.NetSentPackets, t.TxPackets, nic.Name);
        sink.Add(C.NetErrors, t.RxErrors + t.TxErrors, nic.Name);
        sink.Add(C.NetDrops, t.RxDrops + t.TxDrops, nic.Name);
        if (nic.Rates is { } rates)
        {
            sink.Add(C.NetReceiveRate, rates.RxBytesPerSecond, nic.Name);
            sink.Add(C.NetSendRate, rates.TxBytesPerSecond, nic.Name);
        }
    }

    private static void WriteThermal(ThermalSection thermal, ISeriesSink sink)
    {
        foreach (var sensor in thermal.Sensors)
        {
            sink.Add(C.Temperature, sensor.Celsius, sensor.Id);
        }

        if (thermal.Hottest is { } hottest)
        {
            sink.Add(C.HottestTemperature, hottest.Celsius);
        }
    }

    private static void AddIfPresent(ISeriesSink sink, SeriesFamily family, double? value, string? label = null)
    {
        if (value is { } v)
        {
            sink.Add(family, v, label);
        }
    }
}
