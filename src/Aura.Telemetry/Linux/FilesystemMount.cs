namespace Aura.Telemetry.Linux;

/// <summary>
/// One line of /proc/self/mounts that passed the filters, with its escapes decoded. StatPath is where to ask for
/// its size: the mount point under the reader's root.
/// </summary>
internal sealed record FilesystemMount(string Device, string MountPoint, string FsType, string StatPath);
