namespace Aura.Storage.Events;

/// <summary>Where the event log lives, how durable a commit is, and what retention keeps.</summary>
public sealed record EventLogOptions
{
    public const int DefaultRetentionDays = 30;

    public required string Path { get; init; }

    public EventSync Sync { get; init; } = EventSync.Full;

    /// <summary>Events older than this many days are deleted by the daily retention run; 0 keeps them forever.</summary>
    public int RetentionDays { get; init; } = DefaultRetentionDays;

    /// <summary>The UTC time of day the retention job runs.</summary>
    public TimeOnly RetentionTimeUtc { get; init; } = new(3, 0);

    /// <summary>After each retention run, hand freed pages back to the file system (Argus's <c>vacuum_after_cleanup</c>).</summary>
    public bool VacuumAfterRetention { get; init; } = true;

    /// <summary>When the live data passes this many bytes, retention deletes the oldest events until it fits; null for no cap.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>Most events one transaction commits; more waiting requests go into the next one.</summary>
    public int MaxBatchEvents { get; init; } = 8192;

    /// <summary>Run the daily retention job in the background (off in tests, which call <see cref="EventLog.RunRetentionAsync"/>).</summary>
    public bool BackgroundRetention { get; init; } = true;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("the event log path must not be empty", nameof(Path));
        }

        if (RetentionDays < 0)
        {
            throw new ArgumentException($"events retention_days must be 0 or more, not {RetentionDays}", nameof(RetentionDays));
        }

        if (MaxBytes is <= 0)
        {
            throw new ArgumentException($"events max_size must be more than 0 bytes, not {MaxBytes}", nameof(MaxBytes));
        }

        if (MaxBatchEvents < 1)
        {
            throw new ArgumentException($"the batch size must be at least 1, not {MaxBatchEvents}", nameof(MaxBatchEvents));
        }
    }
}
