using System.Collections.Immutable;
using Aura.Controls;
using Aura.Core.Model;
using Aura.Server.Hosting;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Jetson;

/// <summary>JetsonScope's shapes, made from a snapshot (and the board's detected hardware); nothing is read here.</summary>
internal static class JetsonViews
{
    private const string MeminfoUnit = "KB";

    public static TegraStatsView Stats(Snapshot snapshot)
    {
        if (snapshot.Jetson is { } jetson)
        {
            return TegraStats.From(snapshot, jetson);
        }

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

    public static JetsonHardwareView Hardware(Snapshot snapshot, JetsonHardware hardware, IReadOnlyList<ControlInfo> controls)
    {
        var host = snapshot.Host;
        var jetson = snapshot.Jetson;
        ImmutableArray<string> sensors = jetson is not null && !jetson.Temperatures.IsEmpty
            ? [.. jetson.Temperatures.Select(t => t.Name)]
            : [.. snapshot.Thermal.Sensors.Select(s => s.Id)];
        var governors = controls.FirstOrDefault(c => c.Name == "cpu_governor" && c.Supported)?.Options ?? [];

        return new JetsonHardwareView(
            IsJetson: hardware.IsJetson,
            Model: hardware.IsJetson && hardware.Model.Length > 0 ? hardware.Model : host.CpuModel,
            Codename: hardware.Codename,
            Soc: hardware.Soc,
            Module: hardware.Module,
            BoardId: hardware.BoardId,
            SerialNumber: hardware.SerialNumber,
            L4tVersion: hardware.L4tVersion,
            JetpackVersion: hardware.JetpackVersion,
            CudaArch: hardware.CudaArch,
            Governors: governors,
            Sensors: sensors,
            PowerRails: jetson is null ? [] : [.. jetson.Rails.Select(r => r.Name)],
            Engines: jetson is null ? [] : [.. jetson.Engines.Select(e => e.Name)],
            NvpmodelModes: [.. hardware.NvpmodelModes.Select(m => m.Name)],
            Hostname: host.Hostname,
            Os: host.Os,
            Kernel: host.Kernel,
            CpuCount: host.CpuCount,
            AuraVersion: ServerVersion.Current);
    }
}
