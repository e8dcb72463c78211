namespace Aura.Storage.Events;

/// <summary>When the daily retention run happens next.</summary>
public static class RetentionSchedule
{
    /// <summary>The first moment strictly after <paramref name="now"/> whose UTC time of day is <paramref name="at"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(DateOnly.FromDateTime(utc.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return today > utc ? today : today.AddDays(1);
    }
}
