namespace Aura.Core.Model;

/// <summary>
/// A tegrastats memory pool (RAM, SWAP, IRAM) in bytes (tegrastats' MB and kB are binary units). RAM and IRAM report
/// their largest free block; SWAP reports how much of it is cached.
/// </summary>
public readonly record struct JetsonMemory(long UsedBytes, long TotalBytes, long? CachedBytes, JetsonFreeBlock? LargestFreeBlock);
