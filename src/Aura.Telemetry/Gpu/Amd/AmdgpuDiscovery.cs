using System.Globalization;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Gpu.Amd;

/// <summary>
/// Finds amdgpu cards under <c>{root}/sys/class/drm/cardN</c>: PCI vendor 0x1002 and an amdgpu-only attribute
/// (<c>mem_info_vram_total</c> or <c>gpu_busy_percent</c>), so radeon-driver cards, other vendors' GPUs, connectors
/// (<c>card0-DP-1</c>) and render nodes are never listed. Name from <c>product_name</c> when the card has one (server
/// boards), else the PCI ids, which is what the kernel knows; UUID from <c>unique_id</c> when present.
/// </summary>
internal static class AmdgpuDiscovery
{
    private const string AmdVendor = "0x1002";

    public static List<AmdgpuCard> Discover(string root)
    {
        var buffer = new byte[256];
        var cards = new List<AmdgpuCard>();
        foreach (var (_, card, path) in ThermalSysfs.NumberedDirectories(Path.Join(root, "sys", "class", "drm"), "card"))
        {
            var device = Path.Join(path, "device");
            if (ThermalSysfs.ReadText(ref buffer, Path.Join(device, "vendor")) is not { } vendor
                || !string.Equals(vendor, AmdVendor, StringComparison.OrdinalIgnoreCase)
                || !(File.Exists(Path.Join(device, "mem_info_vram_total")) || File.Exists(Path.Join(device, "gpu_busy_percent"))))
            {
                continue;
            }

            var name = ThermalSysfs.ReadText(ref buffer, Path.Join(device, "product_name"))
                ?? PciName(ThermalSysfs.ReadText(ref buffer, Path.Join(device, "device")));
            var uuid = ThermalSysfs.ReadText(ref buffer, Path.Join(device, "unique_id"));
            cards.Add(new AmdgpuCard(card, device, Hwmon(device), name, uuid));
        }

        return cards;
    }

    private static string PciName(string? deviceId) =>
        deviceId is { Length: > 2 } id && id.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? string.Create(CultureInfo.InvariantCulture, $"AMD GPU [1002:{id[2..].ToLowerInvariant()}]")
            : "AMD GPU";

    /// <summary>The card's hwmon directory (there is one per amdgpu device), or null.</summary>
    private static string? Hwmon(string device)
    {
        var found = ThermalSysfs.NumberedDirectories(Path.Join(device, "hwmon"), "hwmon");
        return found.Count > 0 ? found[0].Path : null;
    }
}
