namespace Aura.Server.History;

/// <summary>
/// One process (pid + start time, so a reused pid is a different process) over a window: when it was first and last in
/// the top-k, in how many ticks, and its peak and mean CPU (percent of one core) and peak RSS.
/// </summary>
public sealed record ProcessActivity(
    int Pid,
    long StartTimeTicks,
    string Name,
    string User,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Samples,
    double? CpuPercentMax,
    double? CpuPercentAvg,
    long RssBytesMax);
