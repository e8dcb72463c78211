namespace Aura.Server.Cockpit;

/// <summary>
/// One embedded cockpit file: its bytes, the gzip and Brotli copies the build made (null when compressing did not pay),
/// its content type and a strong ETag. Hashed names under <c>/assets/</c> are immutable and cached for a year.
/// </summary>
internal sealed record CockpitAsset(string Path, string ContentType, byte[] Bytes, byte[]? Gzip, byte[]? Brotli, string ETag, bool Immutable);
