namespace Aura.Storage.Dvr.Codecs;

/// <summary>How a column's residuals are formed; chosen per chunk by which costs fewer bits.</summary>
internal enum ColumnMode : byte
{
    /// <summary>Every value equals the first: nothing follows it.</summary>
    Constant = 0,

    /// <summary>Differences between neighbours: gauges.</summary>
    Delta = 1,

    /// <summary>Differences of differences: timestamps and steadily growing counters.</summary>
    DeltaOfDelta = 2,
}
