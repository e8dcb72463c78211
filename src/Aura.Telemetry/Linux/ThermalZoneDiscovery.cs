namespace Aura.Telemetry.Linux;

/// <summary>
/// Finds <c>{root}/sys/class/thermal/thermal_zoneN</c>: label from <c>type</c>, critical from the trip point of
/// type "critical", high from a "hot" trip point or else the lowest "passive" one (where the kernel starts to throttle).
/// </summary>
internal static class ThermalZoneDiscovery
{
    private const int MaxTripPoints = 64;

    public static void Discover(string root, ref byte[] buffer, List<ThermalSource> sources)
    {
        foreach (var (_, name, path) in ThermalSysfs.NumberedDirectories(Path.Join(root, "sys", "class", "thermal"), "thermal_zone"))
        {
            var label = ThermalSysfs.ReadText(ref buffer, Path.Join(path, "type")) ?? name;
            double? hot = null, passive = null, critical = null;
            for (var i = 0; i < MaxTripPoints; i++)
            {
                var type = ThermalSysfs.ReadText(ref buffer, Path.Join(path, $"trip_point_{i}_type"));
                if (type is null)
                {
                    break;
                }

                var celsius = ThermalSysfs.ReadThreshold(ref buffer, Path.Join(path, $"trip_point_{i}_temp"));
                switch (type)
                {
                    case "critical":
                        critical ??= celsius;
                        break;
                    case "hot":
                        hot ??= celsius;
                        break;
                    case "passive" when celsius < passive || passive is null:
                        passive = celsius;
                        break;
                }
            }

            sources.Add(new ThermalSource($"thermal/{name}", label, Path.Join(path, "temp"), hot ?? passive, critical));
        }
    }
}
