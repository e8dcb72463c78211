namespace Aura.Telemetry.Linux;

/// <summary>Asks the operating system how big a mounted filesystem is and how much of it is free.</summary>
public interface IFilesystemStats
{
    /// <summary>
    /// Queries the filesystem mounted at <paramref name="path"/>; false when it cannot be queried
    /// (permission denied, the mount vanished).
    /// </summary>
    bool TryGet(string path, out FilesystemStats stats);
}
