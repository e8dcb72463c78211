namespace Aura.Storage.Dvr;

/// <summary>
/// A process's CPU over a window, from the ticks it was in the top-k. <see cref="CpuSeconds"/> is CPU time
/// (percent of one core times the tick interval) and ranks the result; ticks it was outside the top-k count as 0.
/// </summary>
public sealed record DvrProcessUsage(
    int Pid,
    long StartTimeTicks,
    string Name,
    string User,
    double CpuSeconds,
    double AverageCpuPercent,
    double MaxCpuPercent,
    int Ticks,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
