namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// A block encoded for good: the rows one transaction writes when it seals. <see cref="Series"/> holds every series'
/// chunk behind a directory of (series id, length).
/// </summary>
internal sealed record SealedBlock(
    long StartMs,
    long EndMs,
    int Ticks,
    long Samples,
    byte[] Times,
    byte[] Series,
    RollupRow Minute,
    RollupRow Hour,
    byte[] Processes);
