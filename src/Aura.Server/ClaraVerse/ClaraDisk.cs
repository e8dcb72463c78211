namespace Aura.Server.ClaraVerse;

/// <summary>A mounted filesystem. As in gopsutil, free is what an unprivileged user may still write, and usedPercent is used / (used + free).</summary>
public sealed record ClaraDisk(string Device, string Mountpoint, string Fstype, long Total, long Free, long Used, double UsedPercent);
