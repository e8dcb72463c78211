using Aura.Core.Model;

namespace Aura.Output;

/// <summary>The seed's headline figures, rounded as the seed printed them.</summary>
internal static class SnapshotFigures
{
    public static double? CpuPercent(Snapshot snapshot) =>
        snapshot.Cpu.Total is { } total ? Round(total.Busy * 100) : null;

    public static double? MemoryPercent(Snapshot snapshot) =>
        snapshot.Memory.TotalBytes > 0 && snapshot.Memory.AvailableBytes > 0 ? Round(snapshot.Memory.UsedRatio * 100) : null;

    public static double? Round(double? percent) => percent is { } p ? Math.Round(p, 1) : null;

    public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
