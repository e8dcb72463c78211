namespace Aura.Server.ClaraVerse;

/// <summary>Usage in percent of all cores; frequency in MHz; temperature in °C. A reading this machine lacks is absent, not 0.</summary>
public sealed record ClaraCpu(double? Usage, int Cores, double? Frequency, double? Temperature);
