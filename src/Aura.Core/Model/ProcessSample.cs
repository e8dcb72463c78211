namespace Aura.Core.Model;

/// <summary>
/// A process in the top-k. Identity is (Pid, StartTimeTicks): a reused pid with a new start time is a new process.
/// CpuPercent is of one core, as top shows it (a busy 4-thread process reads 400); null on its first sighting.
/// GpuMemoryBytes is the GPU memory it holds over all GPUs; null when it uses none (or the driver will not say).
/// Ppid is the parent's pid (0 for what the kernel starts itself); null where the source does not say (other
/// platforms, and processes recorded in the DVR).
/// </summary>
public readonly record struct ProcessSample(
    int Pid,
    long StartTimeTicks,
    string Name,
    string User,
    char State,
    double? CpuPercent,
    long RssBytes,
    double MemoryPercent,
    int Threads)
{
    public long? GpuMemoryBytes { get; init; }

    public int? Ppid { get; init; }
}
