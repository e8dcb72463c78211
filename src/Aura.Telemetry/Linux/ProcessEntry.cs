namespace Aura.Telemetry.Linux;

/// <summary>
/// What the reader remembers about a pid between scans: the counters of the scan it was last read in, and the name
/// and user resolved for one identity (start time and comm, since exec keeps the start time but changes comm).
/// </summary>
internal sealed class ProcessEntry
{
    private byte[]? _detailsComm;
    private long _detailsStartTime;

    /// <summary>The scan that last saw this pid's directory; entries a scan did not see are forgotten.</summary>
    public int Generation { get; set; }

    /// <summary>This pid's /proc/[pid]/stat, kept open across scans by <see cref="ProcessFiles"/>; -1 when not open.</summary>
    public int StatFd { get; set; } = -1;

    /// <summary>Whether <see cref="StartTime"/> and <see cref="CpuTicks"/> come from the previous scan.</summary>
    public bool HasCounters { get; private set; }

    public long StartTime { get; private set; }

    public long CpuTicks { get; private set; }

    public string? Name { get; private set; }

    public string? User { get; private set; }

    /// <summary>CPU % of one core since the previous scan; null when there is none or the pid now names another process.</summary>
    public double? CpuPercentSince(in ProcessStat stat, double elapsedSeconds, long ticksPerSecond) =>
        HasCounters && StartTime == stat.StartTime && elapsedSeconds > 0 && stat.CpuTicks >= CpuTicks
            ? (stat.CpuTicks - CpuTicks) / (double)ticksPerSecond / elapsedSeconds * 100.0
            : null;

    public void Record(in ProcessStat stat)
    {
        StartTime = stat.StartTime;
        CpuTicks = stat.CpuTicks;
        HasCounters = true;
    }

    public void ClearCounters() => HasCounters = false;

    public bool HasDetailsFor(long startTime, ReadOnlySpan<byte> comm) =>
        _detailsComm is not null && _detailsStartTime == startTime && comm.SequenceEqual(_detailsComm);

    public void SetDetails(long startTime, ReadOnlySpan<byte> comm, string name, string user)
    {
        _detailsStartTime = startTime;
        _detailsComm = comm.ToArray();
        Name = name;
        User = user;
    }
}
