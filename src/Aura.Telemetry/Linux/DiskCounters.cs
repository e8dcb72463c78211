namespace Aura.Telemetry.Linux;

/// <summary>The cumulative /proc/diskstats fields a <see cref="Aura.Core.Model.DiskIo"/> is computed from.</summary>
internal readonly record struct DiskCounters(long ReadOps, long ReadSectors, long WriteOps, long WriteSectors, long IoTicksMs)
{
    public bool IsIdleSinceBoot => ReadOps == 0 && WriteOps == 0;

    /// <summary>True when no counter went backwards since <paramref name="previous"/>.</summary>
    public bool FollowsFrom(DiskCounters previous) =>
        ReadOps >= previous.ReadOps && ReadSectors >= previous.ReadSectors && WriteOps >= previous.WriteOps
        && WriteSectors >= previous.WriteSectors && IoTicksMs >= previous.IoTicksMs;
}
