namespace Aura.Agent.Screen;

/// <summary>The grid diff's knobs; the defaults are AuraOS's.</summary>
public sealed record DiffSettings
{
    public static DiffSettings AuraOs { get; } = new();

    /// <summary>Cell size in pixels (AuraOS: 64).</summary>
    public int CellSize { get; init; } = 64;

    /// <summary>A cell changed when the L2 distance of its mean RGB exceeds this (AuraOS: 20).</summary>
    public double Threshold { get; init; } = 20;

    /// <summary>Regions whose gap is at most this many pixels merge (AuraOS: 64).</summary>
    public int MergeMargin { get; init; } = 64;

    /// <summary>At most this many regions, applied after merging (AuraOS: 10).</summary>
    public int MaxRegions { get; init; } = 10;
}
