namespace Aura.Storage.Dvr.Codecs;

/// <summary>Values of one series over a block's ticks, as integers in units of the series' precision.</summary>
internal static class Column
{
    /// <summary>Marks a tick where the series had no value.</summary>
    public const long Absent = long.MinValue;

    /// <summary>
    /// The largest magnitude stored. Keeping two bits of headroom means a delta between two values, and its
    /// zig-zag form plus one, never overflows.
    /// </summary>
    public const long MaxMagnitude = 1L << 61;
}
