namespace Aura.Storage.Dvr;

/// <summary>The process history's share of the file: ticks with a stored top-k, and bytes (records and interned strings).</summary>
public sealed record DvrProcessStats(long Ticks, long Bytes, double BytesPerTick);
