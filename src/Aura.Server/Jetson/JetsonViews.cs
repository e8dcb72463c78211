using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Server.Hosting;

namespace Aura.Server.Jetson;

/// <summary>JetsonScope's shapes, made from a snapshot; nothing is read here.</summary>
internal static class JetsonViews
{
    private const string MeminfoUnit = "KB";

    public static TegraStatsView Stats(Snapshot snapshot)
    {
        var m = snapshot.Memory;
        var cores = ImmutableArray.CreateBuilder<TegraCpuCore>(snapshot.Cpu.Cores.Length);
        foreach (var core in snapshot.Cpu.Cores)
        {
            uint? load = core.Online && core.Times is { } times ? (uint)Math.Round(times.Busy * 100) : null;
            uint? mhz = core.Online && core.FrequencyMhz is { } f ? (uint)Math.Round(f) : null;
            cores.Add(new TegraCpuCore(load, mhz));
        }

        var temps = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var sensor in snapshot.Thermal.Sensors)
        {
            temps[sensor.Id] = sensor.Celsius;
        }

        return new TegraStatsView(
            snapshot.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            m.TotalBytes > 0 ? new TegraMemory((ulong)m.UsedBytes, (ulong)m.TotalBytes, MeminfoUnit) : null,
            m.TotalBytes > 0 ? new TegraSwap((ulong)m.SwapUsedBytes, (ulong)m.SwapTotalBytes, null, MeminfoUnit) : null,
            cores.MoveToImmutable(),
            ImmutableSortedDictionary<string, TegraEngine>.Empty,
            temps.ToImmutable(),
            ImmutableSortedDictionary<string, TegraPowerRail>.Empty,
            "");
    }

    public static JetsonHardwareView Hardware(Snapshot snapshot)
    {
        var host = snapshot.Host;
        var sensors = ImmutableArray.CreateBuilder<string>(snapshot.Thermal.Sensors.Length);
        foreach (var sensor in snapshot.Thermal.Sensors)
        {
            sensors.Add(sensor.Id);
        }

        return new JetsonHardwareView(
            IsJetson: false,
            Model: host.CpuModel,
            Codename: "",
            Soc: "",
            Module: "",
            BoardId: "",
            SerialNumber: "",
            L4tVersion: "",
            JetpackVersion: "",
            CudaArch: "",
            Governors: [],
            Sensors: sensors.MoveToImmutable(),
            PowerRails: [],
            Engines: [],
            NvpmodelModes: [],
            Hostname: host.Hostname,
            Os: host.Os,
            Kernel: host.Kernel,
            CpuCount: host.CpuCount,
            AuraVersion: ServerVersion.Current);
    }
}
