using System.Collections.Immutable;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// Tells a Jetson from its device tree (<c>proc/device-tree/{model,compatible,serial-number}</c>, the plugin manager's
/// board ids), <c>etc/nv_tegra_release</c> and the tegra fuse's chip id, all under a root path.
/// </summary>
public static class JetsonDetector
{
    public static JetsonHardware Detect(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var compatible = DeviceTreeStrings(root, "proc/device-tree/compatible");
        var release = ReadText(root, "etc/nv_tegra_release");
        var soc = "";
        var module = "";
        var carrier = "";
        var tegra = false;
        foreach (var entry in compatible)
        {
            if (!entry.StartsWith("nvidia,", StringComparison.Ordinal))
            {
                continue;
            }

            var name = entry["nvidia,".Length..];
            if (name.StartsWith("tegra", StringComparison.Ordinal))
            {
                tegra = true;
                soc = soc.Length == 0 ? name : soc;
            }
            else if (name.Contains('+', StringComparison.Ordinal))
            {
                carrier = carrier.Length == 0 ? name : carrier;
            }
            else if (IsPartNumber(name))
            {
                module = module.Length == 0 ? name : module;
            }
        }

        if (!tegra && release is null)
        {
            return JetsonHardware.None;
        }

        if (soc.Length == 0)
        {
            soc = JetsonReleases.SocFromChipId(ReadText(root, "sys/module/tegra_fuse/parameters/tegra_chip_id")?.Trim() ?? "");
        }

        if (module.Length == 0 && carrier.Length > 0)
        {
            module = carrier[(carrier.LastIndexOf('+') + 1)..];
        }

        var boardId = carrier.Length > 0 ? carrier : string.Join(' ', DeviceTreeStrings(root, "proc/device-tree/chosen/plugin-manager/ids"));
        var l4t = release is null ? "" : L4tVersion(release);
        return new JetsonHardware(
            true,
            DeviceTreeStrings(root, "proc/device-tree/model").FirstOrDefault() ?? "",
            soc,
            JetsonReleases.Codename(soc),
            module,
            boardId,
            DeviceTreeStrings(root, "proc/device-tree/serial-number").FirstOrDefault() ?? "",
            l4t,
            JetsonReleases.JetPack(l4t),
            JetsonReleases.CudaArch(soc),
            NvpmodelConf.Read(root));
    }

    /// <summary>"# R36 (release), REVISION: 4.3, GCID: ..." is L4T 36.4.3; empty when the line is not that.</summary>
    public static string L4tVersion(string release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var line = release.AsSpan();
        var newline = line.IndexOf('\n');
        line = newline >= 0 ? line[..newline] : line;
        var r = line.IndexOf("# R", StringComparison.Ordinal);
        var revision = line.IndexOf("REVISION:", StringComparison.Ordinal);
        if (r < 0 || revision < 0)
        {
            return "";
        }

        var major = line[(r + 3)..];
        var space = major.IndexOf(' ');
        major = space >= 0 ? major[..space] : major;
        var minor = line[(revision + "REVISION:".Length)..].TrimStart();
        var comma = minor.IndexOf(',');
        minor = (comma >= 0 ? minor[..comma] : minor).Trim();
        if (!TegraNumbers.IsDigits(major) || minor.IsEmpty || !TegraNumbers.IsDigits(minor.ToString().Replace(".", "", StringComparison.Ordinal)))
        {
            return "";
        }

        // "REVISION: 4.3" is minor 4, patch 3; "REVISION: 1" (old releases) is minor 1, patch 0.
        return minor.Contains('.') ? $"{major}.{minor}" : $"{major}.{minor}.0";
    }

    private static bool IsPartNumber(string name) =>
        name.Length == 10 && name[0] == 'p' && name[5] == '-' && TegraNumbers.IsDigits(name.AsSpan(1, 4)) && TegraNumbers.IsDigits(name.AsSpan(6, 4));

    /// <summary>Device tree string properties are NUL-separated lists.</summary>
    private static ImmutableArray<string> DeviceTreeStrings(string root, string relative)
    {
        var text = ReadText(root, relative);
        if (text is null)
        {
            return [];
        }

        return [.. text.Split('\0', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)];
    }

    private static string? ReadText(string root, string relative) => KernelFile.ReadText(Path.Combine(root, relative));
}
