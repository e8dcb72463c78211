using System.Security.Cryptography;
using System.Text;

namespace Aura.Server.Auth;

/// <summary>
/// A secret kept only as its SHA-256 digest. Comparing digests of equal length in constant time tells an attacker
/// nothing about how much of a guess was right, nor how long the real secret is.
/// </summary>
internal readonly struct Secret
{
    private readonly byte[] _digest;

    private Secret(byte[] digest) => _digest = digest;

    public static Secret Of(string value) => new(Digest(value));

    public static byte[] Digest(string value)
    {
        var digest = new byte[SHA256.HashSizeInBytes];
        Span<byte> utf8 = value.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        SHA256.HashData(utf8[..length], digest);
        return digest;
    }

    public bool Matches(ReadOnlySpan<byte> presentedDigest) => CryptographicOperations.FixedTimeEquals(_digest, presentedDigest);
}
