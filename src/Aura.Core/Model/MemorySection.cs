namespace Aura.Core.Model;

/// <summary>Memory in bytes. Used is total minus MemAvailable, the figure `free` and psutil report as used memory pressure.</summary>
public readonly record struct MemorySection(
    long TotalBytes,
    long AvailableBytes,
    long UsedBytes,
    long CachedBytes,
    long BuffersBytes,
    long SwapTotalBytes,
    long SwapUsedBytes)
{
    public double UsedRatio => TotalBytes > 0 ? (double)UsedBytes / TotalBytes : 0.0;
    public double SwapUsedRatio => SwapTotalBytes > 0 ? (double)SwapUsedBytes / SwapTotalBytes : 0.0;
}
