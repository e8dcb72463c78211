namespace Aura.Server.Jetson;

public sealed record TegraEngine(uint? UsagePercent, uint? FreqMhz, uint? RawValue);
