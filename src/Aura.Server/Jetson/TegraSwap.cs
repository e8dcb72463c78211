namespace Aura.Server.Jetson;

public sealed record TegraSwap(ulong UsedBytes, ulong TotalBytes, ulong? CachedBytes, string Unit);
