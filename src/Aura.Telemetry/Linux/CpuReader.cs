using Aura.Core.Model;
using Aura.Core.Numerics;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// CPU usage from /proc/stat (total and per core, as shares of the counter deltas since the previous read),
/// online state and current frequency from sysfs, and load from /proc/loadavg. Offline CPUs are listed too.
/// Reads allocate only the section they return. Not thread-safe: one reader per sampler.
/// </summary>
public sealed partial class CpuReader : IDisposable
{
    private readonly string _cpuDirectory;
    private readonly KernelFile _stat;
    private readonly KernelFile _loadAverage;
    private readonly KernelFile _cpuInfo;
    private byte[] _buffer = new byte[4096];
    private CpuJiffies _previousTotal;
    private bool _hasPreviousTotal;
    private ulong _previousContextSwitches;
    private TimeSpan _previousContextSwitchesAt;
    private bool _hasPreviousContextSwitches;

    /// <param name="root">The filesystem root holding proc/ and sys/: "/" in production, a fixture tree in tests.</param>
    public CpuReader(string root)
    {
        _cpuDirectory = Path.Combine(root, "sys", "devices", "system", "cpu");
        _stat = new KernelFile(Path.Combine(root, "proc", "stat"));
        _loadAverage = new KernelFile(Path.Combine(root, "proc", "loadavg"));
        _presentFile = new KernelFile(Path.Combine(_cpuDirectory, "present"));
        _onlineFile = new KernelFile(Path.Combine(_cpuDirectory, "online"));
        _cpuInfo = new KernelFile(Path.Combine(root, "proc", "cpuinfo"));
    }

    /// <summary>
    /// Reads the files once. Usage is null on the first read, for a CPU seen for the first time, and after a
    /// counter went backwards; <see cref="CpuSection.Empty"/> when nothing could be read at all.
    /// </summary>
    public CpuSection Read(Tick tick)
    {
        var totals = ReadStat();
        var cores = ReadCores();
        var load = ReadLoadAverage();
        var total = AdvanceTotal(totals.Total);
        var contextSwitches = AdvanceContextSwitches(totals.ContextSwitches, tick.Monotonic);
        if (totals.IsEmpty && cores.IsEmpty && load is null)
        {
            return CpuSection.Empty;
        }

        return new CpuSection(total, cores, load, contextSwitches, totals.ProcsRunning, totals.ProcsBlocked);
    }

    public void Dispose()
    {
        _stat.Dispose();
        _loadAverage.Dispose();
        _presentFile.Dispose();
        _onlineFile.Dispose();
        _cpuInfo.Dispose();
        foreach (var core in _cores)
        {
            core?.Dispose();
        }
    }

    private CpuTimes? AdvanceTotal(CpuJiffies? current)
    {
        CpuTimes? times = current is { } now && _hasPreviousTotal ? CpuJiffies.Share(_previousTotal, now) : null;
        _previousTotal = current.GetValueOrDefault();
        _hasPreviousTotal = current is not null;
        return times;
    }

    private double? AdvanceContextSwitches(ulong? current, TimeSpan at)
    {
        double? rate = current is { } now && _hasPreviousContextSwitches
            ? Rate.PerSecond(_previousContextSwitches, now, (at - _previousContextSwitchesAt).TotalSeconds)
            : null;
        _previousContextSwitches = current.GetValueOrDefault();
        _previousContextSwitchesAt = at;
        _hasPreviousContextSwitches = current is not null;
        return rate;
    }

    private LoadAverage? ReadLoadAverage()
    {
        if (!_loadAverage.TryRead(ref _buffer, out var content))
        {
            return null;
        }

        var tokens = new AsciiTokens(content);
        return tokens.TryNextDouble(out var one) && tokens.TryNextDouble(out var five) && tokens.TryNextDouble(out var fifteen)
            && one >= 0 && five >= 0 && fifteen >= 0
            ? new LoadAverage(one, five, fifteen)
            : null;
    }
}
