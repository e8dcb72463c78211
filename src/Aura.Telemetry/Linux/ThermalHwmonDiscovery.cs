using System.Globalization;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Finds <c>{root}/sys/class/hwmon/hwmonN/tempK_input</c>. Id <c>hwmon/{name}/tempK</c> with the driver's
/// <c>name</c>; when several hwmon devices share a name (two NVMe drives, two CPU sockets) every one of them is
/// told apart as <c>hwmon/{name}@hwmonN/tempK</c>. Label from <c>tempK_label</c>, else "{name} tempK"; high from
/// <c>tempK_max</c>, critical from <c>tempK_crit</c>.
/// </summary>
internal static class ThermalHwmonDiscovery
{
    public static void Discover(string root, ref byte[] buffer, List<ThermalSource> sources)
    {
        var devices = ThermalSysfs.NumberedDirectories(Path.Join(root, "sys", "class", "hwmon"), "hwmon");
        var names = new string[devices.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < devices.Count; i++)
        {
            names[i] = ThermalSysfs.ReadText(ref buffer, Path.Join(devices[i].Path, "name")) ?? devices[i].Name;
            counts[names[i]] = counts.GetValueOrDefault(names[i]) + 1;
        }

        for (var i = 0; i < devices.Count; i++)
        {
            var (_, device, path) = devices[i];
            var name = names[i];
            var prefix = counts[name] == 1 ? $"hwmon/{name}" : $"hwmon/{name}@{device}";
            foreach (var k in SensorIndexes(path))
            {
                var label = ThermalSysfs.ReadText(ref buffer, Path.Join(path, $"temp{k}_label")) ?? $"{name} temp{k}";
                sources.Add(new ThermalSource(
                    $"{prefix}/temp{k}",
                    label,
                    Path.Join(path, $"temp{k}_input"),
                    ThermalSysfs.ReadThreshold(ref buffer, Path.Join(path, $"temp{k}_max")),
                    ThermalSysfs.ReadThreshold(ref buffer, Path.Join(path, $"temp{k}_crit"))));
            }
        }
    }

    /// <summary>The K of every tempK_input file, in numeric order.</summary>
    private static List<int> SensorIndexes(string path)
    {
        var indexes = new List<int>();
        try
        {
            foreach (var input in Directory.EnumerateFiles(path, "temp*_input"))
            {
                var fileName = Path.GetFileName(input.AsSpan());
                var digits = fileName["temp".Length..^"_input".Length];
                if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
                {
                    indexes.Add(k);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The device went away during discovery; it is looked for again at the next one.
        }

        indexes.Sort();
        return indexes;
    }
}
