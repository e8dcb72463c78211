namespace Aura.Server.Jetson;

/// <summary>RAM in bytes; <see cref="Unit"/> is the unit the figures were read in ("KB" from /proc/meminfo).</summary>
public sealed record TegraMemory(ulong UsedBytes, ulong TotalBytes, string Unit);
