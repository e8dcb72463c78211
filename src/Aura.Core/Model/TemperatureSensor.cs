namespace Aura.Core.Model;

/// <summary>
/// One temperature reading. <see cref="Id"/> is a stable path such as "hwmon/coretemp/temp1" or
/// "thermal/thermal_zone0", usable as a series label.
/// </summary>
public readonly record struct TemperatureSensor(
    string Id,
    string Label,
    double Celsius,
    double? HighCelsius,
    double? CriticalCelsius);
