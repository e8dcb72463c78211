namespace Aura.Server.Socket;

public sealed record TegraSwap(ulong UsedBytes, ulong TotalBytes, ulong? CachedBytes, string Unit);
