namespace Aura.Telemetry.Linux;

/// <summary>One process read in the current scan; its comm lives in the reader's comm buffer at CommStart.</summary>
internal record struct ProcessCandidate(
    int Pid,
    ProcessStat Stat,
    double? CpuPercent,
    int CommStart,
    int CommLength,
    ProcessEntry Entry)
{
    /// <summary>Already chosen for the top-k (described or found vanished), so a later selection skips it.</summary>
    public bool Taken { get; set; }
}
