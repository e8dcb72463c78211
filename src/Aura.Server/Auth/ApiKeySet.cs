namespace Aura.Server.Auth;

/// <summary>The API keys a server accepts. Lookups compare against every key in constant time.</summary>
public sealed class ApiKeySet
{
    /// <summary>Shorter keys are refused: they can be guessed.</summary>
    public const int MinimumKeyLength = 16;

    private readonly ApiKey[] _keys;

    private ApiKeySet(ApiKey[] keys) => _keys = keys;

    public static ApiKeySet Empty { get; } = new([]);

    public bool IsEmpty => _keys.Length == 0;

    public int Count => _keys.Length;

    /// <summary>True when some key carries <paramref name="scope"/> (or admin).</summary>
    public bool AnyAllows(ApiScopes scope)
    {
        foreach (var key in _keys)
        {
            if (key.Allows(scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Builds a set from (secret, scopes) pairs; the same secret listed twice gets the union of its scopes.</summary>
    /// <exception cref="ArgumentException">A secret is shorter than <see cref="MinimumKeyLength"/>.</exception>
    public static ApiKeySet From(IEnumerable<(string Name, string Secret, ApiScopes Scopes)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var merged = new Dictionary<string, (string Name, ApiScopes Scopes)>(StringComparer.Ordinal);
        foreach (var (name, secret, scopes) in keys)
        {
            if (secret.Length < MinimumKeyLength)
            {
                throw new ArgumentException($"{name}: an API key must be at least {MinimumKeyLength} characters long", nameof(keys));
            }

            merged[secret] = merged.TryGetValue(secret, out var existing) ? (existing.Name, existing.Scopes | scopes) : (name, scopes);
        }

        var built = new List<ApiKey>(merged.Count);
        foreach (var (secret, (name, scopes)) in merged)
        {
            built.Add(new ApiKey(name, Secret.Of(secret), scopes));
        }

        return new ApiKeySet([.. built]);
    }

    /// <summary>
    /// Checks a presented key for <paramref name="scope"/> in constant time. True with the key's name when it may;
    /// otherwise false with a one-line reason (unknown key, or which scope it lacks).
    /// </summary>
    public bool TryAuthorize(string presented, ApiScopes scope, out string keyName, out string refusal)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var key = Find(presented);
        keyName = key?.Name ?? "";
        refusal = key is null
            ? "the key is not one this server accepts"
            : key.Allows(scope) ? "" : $"the key '{key.Name}' lacks the '{ApiScopeNames.Name(scope)}' scope";
        return key is not null && key.Allows(scope);
    }

    /// <summary>The key whose secret is <paramref name="presented"/>, or null. Every key is compared, match or not.</summary>
    internal ApiKey? Find(string presented)
    {
        var digest = Secret.Digest(presented);
        ApiKey? found = null;
        foreach (var key in _keys)
        {
            if (key.Secret.Matches(digest))
            {
                found = key;
            }
        }

        return found;
    }
}
