namespace Aura.Server.History;

/// <summary>What the DVR holds: its file, size, extent and counts.</summary>
public sealed record DbStats(
    string? Path,
    long SizeBytes,
    long SeriesCount,
    long SampleCount,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest,
    double? RetentionSeconds);
