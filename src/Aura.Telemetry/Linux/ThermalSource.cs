namespace Aura.Telemetry.Linux;

/// <summary>A temperature file found by discovery, with what does not change between reads.</summary>
internal sealed record ThermalSource(string Id, string Label, string TempPath, double? HighCelsius, double? CriticalCelsius);
