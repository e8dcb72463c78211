namespace Aura.Core.Model;

/// <summary>A mounted filesystem. Available is what an unprivileged user may still write.</summary>
public readonly record struct FilesystemUsage(
    string Device,
    string MountPoint,
    string FsType,
    long TotalBytes,
    long FreeBytes,
    long AvailableBytes,
    long UsedBytes)
{
    public double UsedRatio => TotalBytes > 0 ? (double)UsedBytes / TotalBytes : 0.0;
}
