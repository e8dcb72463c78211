namespace Aura.Core.Config;

/// <summary>
/// The DVR's tuning from <c>[persistence]</c> in <c>aura.toml</c>, beyond the path and the raw tier's retention (which
/// also come from flags and the environment): null where unset, so the store's own defaults apply.
/// </summary>
public sealed record PersistenceTuning
{
    public static readonly PersistenceTuning None = new();

    /// <summary><c>flush_seconds</c>: how often recorded ticks are committed; at most this much is lost on a crash.</summary>
    public double? FlushSeconds { get; init; }

    /// <summary><c>minute_retention_days</c>: how long the per-minute rollups are kept.</summary>
    public double? MinuteRetentionDays { get; init; }

    /// <summary><c>hour_retention_days</c>: how long the per-hour rollups are kept.</summary>
    public double? HourRetentionDays { get; init; }

    /// <summary><c>max_size_mb</c>: a cap on the DVR file; the oldest data goes first once it is exceeded.</summary>
    public long? MaxSizeMb { get; init; }
}
