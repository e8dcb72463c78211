using System.Globalization;
using Aura.Core.Model;

namespace Aura.Output;

/// <summary>The seed's one-line text form, `cpu=12.3% mem=45.6% ts=1700000000.123`, and a readable summary.</summary>
internal static class SnapshotText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Line(Snapshot snapshot) =>
        Line(SnapshotFigures.CpuPercent(snapshot), SnapshotFigures.MemoryPercent(snapshot), snapshot.Timestamp);

    public static string Line(double? cpuPercent, double? memoryPercent, DateTimeOffset time) =>
        string.Create(Invariant, $"cpu={Percent(cpuPercent)} mem={Percent(memoryPercent)} ts={SnapshotFigures.EpochSeconds(time):0.000}");

    public static void WriteSummary(TextWriter output, Snapshot s)
    {
        var host = s.Host;
        output.WriteLine(string.Create(Invariant, $"host     {host.Hostname} · {host.Os} · kernel {host.Kernel} · up {Units.Duration(host.UptimeSeconds)} · {host.CpuCount} CPUs ({host.CpuModel})"));
        if (s.Cpu.Total is { } cpu)
        {
            output.WriteLine(string.Create(Invariant, $"cpu      {cpu.Busy * 100,5:0.0}%  user {cpu.User * 100:0.0}  system {cpu.System * 100:0.0}  iowait {cpu.IoWait * 100:0.0}  steal {cpu.Steal * 100:0.0}{LoadText(s.Cpu.Load)}"));
        }

        SummaryLines.WriteCores(output, s.Cpu);
        var m = s.Memory;
        if (m.TotalBytes > 0)
        {
            output.WriteLine(string.Create(Invariant, $"memory   {m.UsedRatio * 100,5:0.0}%  {Units.Bytes(m.UsedBytes)} used of {Units.Bytes(m.TotalBytes)}, {Units.Bytes(m.AvailableBytes)} available, {Units.Bytes(m.CachedBytes)} cached · swap {Units.Bytes(m.SwapUsedBytes)} of {Units.Bytes(m.SwapTotalBytes)}"));
        }

        SummaryLines.WriteFilesystems(output, s.Filesystems);
        SummaryLines.WriteDisks(output, s.Disks);
        SummaryLines.WriteNetwork(output, s.Network);
        if (s.Thermal.Hottest is { } hottest)
        {
            output.WriteLine(string.Create(Invariant, $"thermal  hottest {hottest.Celsius:0.0} °C ({hottest.Label}) of {s.Thermal.Sensors.Length} sensors"));
        }

        GpuLines.Write(output, s.Gpus);
        JetsonText.Write(output, s.Jetson);
        SummaryLines.WriteProcesses(output, s.Processes);
        foreach (var missing in s.Unavailable)
        {
            output.WriteLine($"n/a      {missing}");
        }
    }

    private static string Percent(double? value) =>
        SnapshotFigures.Round(value) is { } v ? v.ToString("0.0", Invariant) + "%" : "n/a";

    private static string LoadText(LoadAverage? load) =>
        load is { } l ? string.Create(Invariant, $"  load {l.One:0.00} {l.Five:0.00} {l.Fifteen:0.00}") : "";
}
