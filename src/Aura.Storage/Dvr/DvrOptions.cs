namespace Aura.Storage.Dvr;

/// <summary>How a <see cref="DvrWriter"/> stores ticks. Only <see cref="Path"/> is required.</summary>
public sealed record DvrOptions
{
    public required string Path { get; init; }

    /// <summary>How often appended ticks are written; a crash or power cut loses at most this much.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The aligned window a block covers; a whole number of minutes, at most a day.</summary>
    public TimeSpan BlockSpan { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A block with this many ticks ends at the next minute even if its window has not.</summary>
    public int MaxBlockTicks { get; init; } = 7200;

    /// <summary>Processes kept per tick, taken in the snapshot's order (the sampler sorts its top-k).</summary>
    public int ProcessLimit { get; init; } = 20;

    public DvrRetention Retention { get; init; } = DvrRetention.Default;

    /// <summary>Flush and run maintenance on a background timer. Off, the owner calls Flush and RunMaintenanceStep.</summary>
    public bool BackgroundFlush { get; init; } = true;

    /// <summary>How often the background loop runs one bounded retention step.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        if (FlushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "The flush interval must be positive.");
        }

        if (BlockSpan < TimeSpan.FromMinutes(1) || BlockSpan > TimeSpan.FromDays(1) || BlockSpan.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BlockSpan), BlockSpan, "The block span must be a whole number of minutes, from one minute to one day.");
        }

        if (MaxBlockTicks < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBlockTicks), MaxBlockTicks, "A block must hold at least two ticks.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ProcessLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaintenanceInterval, TimeSpan.Zero);
    }
}
