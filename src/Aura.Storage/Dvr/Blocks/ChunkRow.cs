namespace Aura.Storage.Dvr.Blocks;

/// <summary>One series' sealed values for a block: a row of the <c>chunks</c> table.</summary>
internal sealed record ChunkRow(int SeriesId, int Count, byte[] Data);
