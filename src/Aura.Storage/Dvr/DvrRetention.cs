namespace Aura.Storage.Dvr;

/// <summary>How long each tier is kept, and an optional cap on the file's size (oldest raw blocks go first).</summary>
public sealed record DvrRetention
{
    public static readonly DvrRetention Default = new();

    public TimeSpan Raw { get; init; } = TimeSpan.FromDays(14);

    public TimeSpan Minute { get; init; } = TimeSpan.FromDays(365);

    public TimeSpan Hour { get; init; } = TimeSpan.FromDays(5 * 365);

    /// <summary>Bytes the database may use; null for no cap. Enforced by the maintenance step, not on append.</summary>
    public long? MaxBytes { get; init; }
}
