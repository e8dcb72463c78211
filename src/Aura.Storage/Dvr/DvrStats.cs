namespace Aura.Storage.Dvr;

/// <summary>
/// What a DVR file holds (<c>aura db stats</c>). <see cref="Samples"/> counts raw samples; <see cref="Bytes"/> is
/// the file on disk with its WAL, so <see cref="BytesPerSample"/> charges every table, rollups and process
/// history included, to the raw samples. Tier bytes come from SQLite's dbstat table (pages each table and its
/// indexes use) when SQLite has it; otherwise (<see cref="ByteSource"/> is "apportioned") the used pages are split by
/// each table's payload.
/// </summary>
public sealed record DvrStats(
    string Path,
    int Series,
    long Samples,
    long Bytes,
    double BytesPerSample,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest,
    IReadOnlyList<DvrTierStats> Tiers,
    DvrProcessStats Processes,
    long FileBytes,
    long WalBytes,
    long FreeBytes,
    string ByteSource);
