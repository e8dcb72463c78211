namespace Aura.Server.Auth;

/// <summary>A configured key: a name for logs and errors (never the secret), the secret's digest, and its scopes.</summary>
internal sealed class ApiKey(string name, Secret secret, ApiScopes scopes)
{
    public string Name { get; } = name;

    public ApiScopes Scopes { get; } = scopes;

    internal Secret Secret { get; } = secret;

    public bool Allows(ApiScopes required) => Scopes.HasFlag(ApiScopes.Admin) || (Scopes & required) == required;
}
