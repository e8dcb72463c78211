namespace Aura.Storage.Dvr;

/// <summary>One tier's share of the file. For rollup tiers a sample is a bucket (min, max, sum, count of one series).</summary>
public sealed record DvrTierStats(
    DvrTier Tier,
    int Series,
    long Samples,
    long Bytes,
    double BytesPerSample,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest);
