namespace Aura.Telemetry.Linux;

/// <summary>
/// Filesystem sizes from libc <c>statvfs</c>, as df computes them. Note that statvfs can block for as long as a
/// network filesystem does not answer.
/// </summary>
public sealed class StatvfsFilesystemStats : IFilesystemStats
{
    public bool TryGet(string path, out FilesystemStats stats)
    {
        stats = default;
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return false;
        }

        if (LibcStatvfs.Statvfs(path, out var buffer) != 0)
        {
            return false;
        }

        // Older kernels and some FUSE filesystems leave f_frsize zero; the counts are then in f_bsize units.
        var unit = buffer.FragmentSize != 0 ? buffer.FragmentSize : buffer.BlockSize;
        stats = new FilesystemStats(Bytes(buffer.Blocks, unit), Bytes(buffer.FreeBlocks, unit), Bytes(buffer.AvailableBlocks, unit));
        return true;
    }

    private static long Bytes(ulong blocks, ulong unit)
    {
        var bytes = (UInt128)blocks * unit;
        return bytes > long.MaxValue ? long.MaxValue : (long)bytes;
    }
}
