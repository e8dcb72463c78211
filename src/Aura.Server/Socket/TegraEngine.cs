namespace Aura.Server.Socket;

public sealed record TegraEngine(uint? UsagePercent, uint? FreqMhz, uint? RawValue);
