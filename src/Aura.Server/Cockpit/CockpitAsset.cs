using System.Security.Cryptography;

namespace Aura.Server.Cockpit;

/// <summary>
/// One embedded cockpit file: its bytes, the gzip and Brotli copies the build made (null when compressing did not pay),
/// its content type and a strong ETag. Hashed names under <c>/assets/</c> are immutable and cached for a year.
/// </summary>
internal sealed record CockpitAsset(string Path, string ContentType, byte[] Bytes, byte[]? Gzip, byte[]? Brotli, bool Immutable)
{
    private string? _etag;

    /// <summary>
    /// The first 12 bytes of the content's SHA-256, hashed when the file is first asked for: hashing loads OpenSSL
    /// (about 4 MB resident), which a daemon that only serves scrapers never needs.
    /// </summary>
    public string ETag => _etag ??= "\"" + Convert.ToHexStringLower(SHA256.HashData(Bytes).AsSpan(0, 12)) + "\"";
}
