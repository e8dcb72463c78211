namespace Aura.Storage.Dvr.Reader;

/// <summary>Accumulates one process's CPU over a window, tick by tick.</summary>
internal sealed class ProcessUsageBuilder(int pid, long startTimeTicks)
{
    private double _cpuSum;
    private int _cpuTicks;

    public string Name { get; set; } = string.Empty;

    public string User { get; set; } = string.Empty;

    public double CpuSeconds { get; private set; }

    public double MaxCpuPercent { get; private set; }

    public int Ticks { get; private set; }

    public long FirstMs { get; private set; } = long.MaxValue;

    public long LastMs { get; private set; } = long.MinValue;

    public void Add(long timeMs, double? cpuPercent, double intervalSeconds)
    {
        Ticks++;
        FirstMs = Math.Min(FirstMs, timeMs);
        LastMs = Math.Max(LastMs, timeMs);
        if (cpuPercent is { } cpu)
        {
            _cpuSum += cpu;
            _cpuTicks++;
            MaxCpuPercent = Math.Max(MaxCpuPercent, cpu);
            CpuSeconds += cpu / 100 * intervalSeconds;
        }
    }

    public DvrProcessUsage Build() => new(
        pid,
        startTimeTicks,
        Name,
        User,
        Math.Round(CpuSeconds, 3),
        _cpuTicks == 0 ? 0 : Math.Round(_cpuSum / _cpuTicks, 2),
        MaxCpuPercent,
        Ticks,
        DateTimeOffset.FromUnixTimeMilliseconds(FirstMs),
        DateTimeOffset.FromUnixTimeMilliseconds(LastMs));
}
