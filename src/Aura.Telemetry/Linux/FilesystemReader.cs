using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Mounted filesystems and how full they are, from <c>{root}/proc/self/mounts</c> (or <c>{root}/proc/mounts</c>).
/// Kernel, memory and image filesystems are skipped, bind mounts of one device appear once under their shortest
/// mount point, and filesystems of size zero or that cannot be queried are left out. Used is total minus free,
/// as df reports it: blocks reserved for root count as used, so used + available can be less than total.
/// The mount table is parsed again only when its bytes change. Not thread-safe.
/// </summary>
public sealed class FilesystemReader
{
    private readonly IFilesystemStats _stats;
    private readonly string _rootPrefix;
    private readonly string _selfMountsPath;
    private readonly string _mountsPath;
    private byte[] _buffer = new byte[16384];
    private byte[] _parsedContent = [];
    private List<FilesystemMount> _mounts = [];
    private FilesystemUsage[] _scratch = [];

    public FilesystemReader(string root, IFilesystemStats stats)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(stats);
        _stats = stats;
        _rootPrefix = root.TrimEnd('/');
        _selfMountsPath = Path.Join(root, "proc", "self", "mounts");
        _mountsPath = Path.Join(root, "proc", "mounts");
    }

    public ImmutableArray<FilesystemUsage> Read()
    {
        if (!KernelFile.TryRead(_selfMountsPath, ref _buffer, out var content) && !KernelFile.TryRead(_mountsPath, ref _buffer, out content))
        {
            return [];
        }

        if (!content.SequenceEqual(_parsedContent))
        {
            _mounts = FilesystemMountTable.Parse(content, _rootPrefix);
            _parsedContent = content.ToArray();
            _scratch = new FilesystemUsage[_mounts.Count];
        }

        var count = 0;
        foreach (var mount in _mounts)
        {
            if (_stats.TryGet(mount.StatPath, out var size) && size.TotalBytes > 0)
            {
                var used = Math.Max(0, size.TotalBytes - size.FreeBytes);
                _scratch[count++] = new FilesystemUsage(
                    mount.Device, mount.MountPoint, mount.FsType, size.TotalBytes, size.FreeBytes, size.AvailableBytes, used);
            }
        }

        return ImmutableArray.Create(_scratch, 0, count);
    }
}
