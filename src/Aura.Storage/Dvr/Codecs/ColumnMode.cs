namespace Aura.Storage.Dvr.Codecs;

/// <summary>How a column's residuals are formed; chosen per chunk by which costs fewer bits.</summary>
internal enum ColumnMode : byte
{
    /// <summary>Every value equals the first: nothing follows it.</summary>
    Constant = 0,

    /// <summary>Differences between neighbours: gauges that wander.</summary>
    Delta = 1,

    /// <summary>Differences of differences: timestamps and steadily growing counters.</summary>
    DeltaOfDelta = 2,

    /// <summary>Differences from the first value: series that sit at a level with blips (iowait, steal), where a
    /// delta would pay for every blip twice, going up and coming back.</summary>
    Level = 3,
}
