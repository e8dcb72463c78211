namespace Aura.Server.Jetson;

/// <summary>A core's load in whole percent and frequency in MHz; both absent for an offline core or before the first rate.</summary>
public sealed record TegraCpuCore(uint? LoadPercent, uint? FreqMhz);
