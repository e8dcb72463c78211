namespace Aura.Telemetry.Linux;

/// <summary>The fields of /proc/[pid]/stat the top-k needs. Times are in clock ticks (USER_HZ), RSS in pages.</summary>
internal readonly record struct ProcessStat(char State, long CpuTicks, int Threads, long StartTime, long RssPages);
