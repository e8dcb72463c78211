using System.Security.Cryptography;

namespace Aura.Server.Auth;

/// <summary>New API keys: "aura_" and 256 random bits in URL-safe base64, so they paste cleanly into headers and TOML.</summary>
public static class ApiKeyGenerator
{
    public const string Prefix = "aura_";

    public static string Generate() => Prefix + SessionStore.Base64Url(RandomNumberGenerator.GetBytes(32));
}
