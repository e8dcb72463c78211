namespace Aura.Storage.Dvr;

/// <summary>
/// What a DVR file holds (<c>aura db stats</c>). <see cref="Samples"/> counts raw samples; <see cref="Bytes"/> is
/// the file on disk with its WAL, so <see cref="BytesPerSample"/> charges every table, rollups and process
/// history included, to the raw samples. Tier bytes split the pages in use by each part's payload
/// (<see cref="ByteSource"/> "apportioned"): the bundled SQLite has no dbstat table, and a block row holds both
/// raw samples and process history, which no per-table count could separate.
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
