namespace Aura.Telemetry.Linux;

/// <summary>Size of one mounted filesystem in bytes, as statvfs reports it.</summary>
/// <param name="TotalBytes">Size of the filesystem (f_blocks × f_frsize).</param>
/// <param name="FreeBytes">Free space including blocks reserved for root (f_bfree × f_frsize).</param>
/// <param name="AvailableBytes">Free space an unprivileged user may still write (f_bavail × f_frsize).</param>
public readonly record struct FilesystemStats(long TotalBytes, long FreeBytes, long AvailableBytes);
