namespace Aura.Storage.Dvr.Blocks;

/// <summary>A block encoded for good: the rows one transaction writes when it seals.</summary>
internal sealed record SealedBlock(
    long StartMs,
    long EndMs,
    int Ticks,
    byte[] Times,
    IReadOnlyList<ChunkRow> Chunks,
    RollupRow Minute,
    RollupRow Hour,
    byte[] Processes);
