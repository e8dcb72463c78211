using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Turns /proc/self/mounts into the filesystems worth reporting: user filesystems only (see
/// <see cref="FilesystemTypes"/>), one entry per device. Runs only when the mount table changed, so it may allocate.
/// </summary>
internal static class FilesystemMountTable
{
    private const int StackLimit = 512;

    /// <summary>Parses the mount table; <paramref name="rootPrefix"/> is the reader's root without a trailing slash ("" in production).</summary>
    public static List<FilesystemMount> Parse(ReadOnlySpan<byte> content, string rootPrefix)
    {
        var all = new List<(string Device, string MountPoint, string FsType)>();
        foreach (var line in new AsciiLines(content))
        {
            var tokens = new AsciiTokens(line);
            // The kernel always writes six fields; fewer means a truncated line.
            if (tokens.TryNext(out var device) && tokens.TryNext(out var mountPoint) && tokens.TryNext(out var fsType)
                && tokens.Skip(3) && mountPoint[0] == (byte)'/')
            {
                all.Add((Unescape(device), Unescape(mountPoint), Encoding.UTF8.GetString(fsType)));
            }
        }

        // A later mount on the same mount point hides the earlier one, and statvfs answers for the one on top.
        var topmost = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            topmost[all[i].MountPoint] = i;
        }

        var kept = new List<FilesystemMount>();
        var byDevice = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var (device, mountPoint, fsType) = all[i];
            if (topmost[mountPoint] != i || !FilesystemTypes.IsUserFilesystem(fsType, mountPoint))
            {
                continue;
            }

            var mount = new FilesystemMount(device, mountPoint, fsType, rootPrefix + mountPoint);
            if (byDevice.TryGetValue(device, out var at))
            {
                // Bind mounts (and btrfs subvolumes) of one device report the same numbers: keep the shortest path.
                if (mountPoint.Length < kept[at].MountPoint.Length)
                {
                    kept[at] = mount;
                }

                continue;
            }

            byDevice[device] = kept.Count;
            kept.Add(mount);
        }

        return kept;
    }

    /// <summary>Decodes the kernel's octal escapes (<c>\040</c> space, <c>\011</c> tab, <c>\012</c> newline, <c>\134</c> backslash).</summary>
    public static string Unescape(ReadOnlySpan<byte> field)
    {
        if (field.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(field);
        }

        var decoded = field.Length <= StackLimit ? stackalloc byte[StackLimit] : new byte[field.Length];
        var length = 0;
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == (byte)'\\' && i + 3 < field.Length && IsOctalByte(field.Slice(i + 1, 3), out var value))
            {
                decoded[length++] = value;
                i += 3;
            }
            else
            {
                decoded[length++] = field[i];
            }
        }

        return Encoding.UTF8.GetString(decoded[..length]);
    }

    private static bool IsOctalByte(ReadOnlySpan<byte> digits, out byte value)
    {
        value = 0;
        if (digits[0] is < (byte)'0' or > (byte)'3'
            || digits[1] is < (byte)'0' or > (byte)'7'
            || digits[2] is < (byte)'0' or > (byte)'7')
        {
            return false;
        }

        value = (byte)(((digits[0] - '0') << 6) | ((digits[1] - '0') << 3) | (digits[2] - '0'));
        return true;
    }
}
