using System.Globalization;
using Aura.Core.Model;

using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>What the CPU reader keeps about one logical CPU between reads. Made once per CPU id, with its paths.</summary>
internal sealed class CpuCoreState : IDisposable
{
    private CpuJiffies _previous;
    private bool _hasPrevious;

    public CpuCoreState(string cpuDirectory, int id)
    {
        var name = "cpu" + id.ToString(CultureInfo.InvariantCulture);
        Frequency = new KernelFile(Path.Combine(cpuDirectory, name, "cpufreq", "scaling_cur_freq"));
        OnlineFile = new KernelFile(Path.Combine(cpuDirectory, name, "online"));
    }

    public KernelFile Frequency { get; }

    /// <summary>cpuN/online: "1" or "0"; cpu0 often has none because it cannot be unplugged.</summary>
    public KernelFile OnlineFile { get; }

    /// <summary>Whether this read of /proc/stat had a line for the CPU; the kernel prints only online CPUs.</summary>
    public bool InStat { get; private set; }

    /// <summary>The online state at the previous read; null before the first.</summary>
    public bool? WasOnline { get; set; }

    private CpuJiffies Current { get; set; }

    public void Forget() => InStat = false;

    public void Observe(in CpuJiffies jiffies)
    {
        Current = jiffies;
        InStat = true;
    }

    /// <summary>Shares since the previous read, then makes this read the previous one. Null on a first sighting.</summary>
    public CpuTimes? Advance()
    {
        CpuTimes? times = InStat && _hasPrevious ? CpuJiffies.Share(_previous, Current) : null;
        _previous = Current;
        _hasPrevious = InStat;
        return times;
    }

    public void Dispose()
    {
        Frequency.Dispose();
        OnlineFile.Dispose();
    }
}
