using System.Collections.Immutable;
using System.Diagnostics;
using Aura.Core.Model;

namespace Aura.Telemetry.Portable;

/// <summary>Top-k processes through System.Diagnostics.Process, CPU % from processor-time deltas.</summary>
internal sealed class PortableProcesses(int topK)
{
    private Dictionary<(int Pid, long Start), TimeSpan> _previous = [];
    private TimeSpan _previousAt;

    public ImmutableArray<ProcessSample> Read(Tick tick, long totalMemory)
    {
        var elapsed = (tick.Monotonic - _previousAt).TotalSeconds;
        var current = new Dictionary<(int, long), TimeSpan>();
        var samples = new List<ProcessSample>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    var start = process.StartTime.ToUniversalTime().Ticks;
                    var cpu = process.TotalProcessorTime;
                    current[(process.Id, start)] = cpu;
                    double? percent = _previous.TryGetValue((process.Id, start), out var before) && elapsed > 0
                        ? (cpu - before).TotalSeconds / elapsed * 100
                        : null;
                    var rss = process.WorkingSet64;
                    samples.Add(new ProcessSample(
                        process.Id, start, process.ProcessName, "", 'R', percent, rss,
                        totalMemory > 0 ? rss * 100.0 / totalMemory : 0, process.Threads.Count));
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // The process exited or is not ours to inspect.
                }
            }
        }

        _previous = current;
        _previousAt = tick.Monotonic;
        samples.Sort(static (a, b) => (b.CpuPercent ?? 0).CompareTo(a.CpuPercent ?? 0) is var byCpu and not 0 ? byCpu : b.RssBytes.CompareTo(a.RssBytes));
        return [.. samples.Count > topK ? samples.GetRange(0, topK) : samples];
    }
}
