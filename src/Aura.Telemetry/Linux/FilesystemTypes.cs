using System.Collections.Frozen;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Which mounts are disks a user cares about. Kernel and memory filesystems (proc, sysfs, tmpfs, cgroup...) hold no
/// user data or only RAM; squashfs and erofs are read-only images (snaps, live media) that are always 100 % full;
/// FUSE helpers of desktop sessions mirror other mounts. An overlay (or aufs) mounted at "/" is a container's own
/// disk and is kept; other overlays are container layers on the host and would repeat the host disk once per container.
/// </summary>
internal static class FilesystemTypes
{
    private static readonly FrozenSet<string> Pseudo = FrozenSet.Create(
        StringComparer.Ordinal,
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "cpuset", "debugfs", "devpts", "devtmpfs",
        "efivarfs", "erofs", "fusectl", "fuse.gvfsd-fuse", "fuse.lxcfs", "fuse.portal", "fuse.snapfuse", "hugetlbfs",
        "mqueue", "nfsd", "nsfs", "pipefs", "proc", "pstore", "ramfs", "rootfs", "rpc_pipefs", "securityfs",
        "selinuxfs", "sockfs", "squashfs", "sysfs", "tmpfs", "tracefs");

    public static bool IsUserFilesystem(string fsType, string mountPoint)
    {
        if (fsType is "overlay" or "aufs")
        {
            return mountPoint == "/";
        }

        return !Pseudo.Contains(fsType);
    }
}
