namespace Aura.Telemetry.Linux;

/// <summary>
/// The fields of /proc/[pid]/stat the top-k needs. Times are in clock ticks (USER_HZ), RSS in pages; ParentPid is 0 for
/// the processes the kernel starts itself (init, kthreadd).
/// </summary>
internal readonly record struct ProcessStat(char State, long CpuTicks, int Threads, long StartTime, long RssPages, int ParentPid);
