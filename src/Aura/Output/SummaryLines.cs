using System.Collections.Immutable;
using System.Globalization;
using Aura.Core.Model;

namespace Aura.Output;

/// <summary>The multi-item parts of the text summary: cores, filesystems, disks, network, processes.</summary>
internal static class SummaryLines
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteCores(TextWriter output, CpuSection cpu)
    {
        if (cpu.Cores.IsDefaultOrEmpty)
        {
            return;
        }

        output.Write("cores   ");
        var column = 0;
        foreach (var core in cpu.Cores)
        {
            if (column == 8)
            {
                output.Write("\n        ");
                column = 0;
            }

            var busy = !core.Online ? "  off" : core.Times is { } t ? string.Create(Invariant, $"{t.Busy * 100,4:0}%") : "   --";
            output.Write(string.Create(Invariant, $" {core.Id,3}:{busy}"));
            column++;
        }

        output.WriteLine();
    }

    public static void WriteFilesystems(TextWriter output, ImmutableArray<FilesystemUsage> filesystems)
    {
        foreach (var fs in filesystems)
        {
            output.WriteLine(string.Create(Invariant, $"disk     {fs.MountPoint} {fs.UsedRatio * 100:0.0}% of {Units.Bytes(fs.TotalBytes)} used, {Units.Bytes(fs.AvailableBytes)} free ({fs.FsType} on {fs.Device})"));
        }
    }

    public static void WriteDisks(TextWriter output, ImmutableArray<DiskIo> disks)
    {
        foreach (var d in disks)
        {
            output.WriteLine(string.Create(Invariant, $"io       {d.Device} read {Units.Rate(d.ReadBytesPerSecond)} write {Units.Rate(d.WriteBytesPerSecond)} busy {(d.BusyRatio is { } b ? string.Create(Invariant, $"{b * 100:0}%") : "--")}"));
        }
    }

    public static void WriteNetwork(TextWriter output, NetworkSection network)
    {
        if (network.Interfaces.IsDefaultOrEmpty)
        {
            return;
        }

        var total = network.Total;
        output.WriteLine(string.Create(Invariant, $"network  in {Units.Rate(total.Rates?.RxBytesPerSecond)} out {Units.Rate(total.Rates?.TxBytesPerSecond)} · received {Units.Bytes(total.Totals.RxBytes)} sent {Units.Bytes(total.Totals.TxBytes)} over {network.Interfaces.Length} interfaces"));
    }

    public static void WriteProcesses(TextWriter output, ImmutableArray<ProcessSample> processes)
    {
        if (processes.IsDefaultOrEmpty)
        {
            return;
        }

        // The GPU memory column only appears when a GPU lists one of these processes.
        var gpu = HasGpuMemory(processes);
        output.WriteLine(gpu
            ? "processes    PID  CPU%  MEM%       RSS    GPU MEM  THR  S  USER        NAME"
            : "processes    PID  CPU%  MEM%       RSS  THR  S  USER        NAME");
        foreach (var p in processes)
        {
            var cpu = p.CpuPercent is { } c ? c.ToString("0.0", Invariant) : "--";
            var gpuColumn = !gpu ? "" : string.Create(Invariant, $" {(p.GpuMemoryBytes is { } g ? Units.Bytes(g) : "--"),10}");
            output.WriteLine(string.Create(Invariant, $"         {p.Pid,7} {cpu,5} {p.MemoryPercent,5:0.0} {Units.Bytes(p.RssBytes),9}{gpuColumn} {p.Threads,4}  {p.State}  {Truncate(p.User, 10),-10}  {p.Name}"));
        }
    }

    private static bool HasGpuMemory(ImmutableArray<ProcessSample> processes)
    {
        foreach (var p in processes)
        {
            if (p.GpuMemoryBytes is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
