namespace Aura.Storage.Dvr;

/// <summary>Where a query's points come from: every sample, or per-minute or per-hour min/max/sum/count buckets.</summary>
public enum DvrTier
{
    Raw,
    Minute,
    Hour,
}
