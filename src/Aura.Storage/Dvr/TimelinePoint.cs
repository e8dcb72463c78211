namespace Aura.Storage.Dvr;

/// <summary>
/// One point of a timeline. <see cref="Avg"/> is the sample's value (raw tier) or the bucket's mean; after
/// downsampling it is the point LTTB kept for its bucket, while <see cref="Min"/> and <see cref="Max"/> span every
/// sample merged into it, so a spike shows in the envelope even when LTTB picks a neighbour.
/// </summary>
public readonly record struct TimelinePoint(DateTimeOffset Time, double Avg, double Min, double Max);
