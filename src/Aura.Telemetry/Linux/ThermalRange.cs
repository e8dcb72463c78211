namespace Aura.Telemetry.Linux;

/// <summary>
/// Which sysfs values are physical temperatures. Readings outside −40 °C to 200 °C (inclusive) are dropped, not
/// clamped: they are driver sentinels for "no reading" (−256000, 255000 and up) or a broken sensor, and no sensor is
/// better than a wrong one. Thresholds must lie above 0 °C and at most 200 °C: drivers report 0 or a sentinel
/// (NVMe's 65261850) for "no limit".
/// </summary>
internal static class ThermalRange
{
    public const double MinCelsius = -40;
    public const double MaxCelsius = 200;

    public static double? Reading(long millidegrees)
    {
        var celsius = millidegrees / 1000.0;
        return celsius is >= MinCelsius and <= MaxCelsius ? celsius : null;
    }

    public static double? Threshold(long millidegrees)
    {
        var celsius = millidegrees / 1000.0;
        return celsius is > 0 and <= MaxCelsius ? celsius : null;
    }
}
