using Aura.Server.Auth;

namespace Aura.Server.Tests.Support;

/// <summary>Known test keys, one per interesting scope.</summary>
internal static class Keys
{
    public const string Admin = "admin-key-0123456789abcdef";
    public const string Read = "read-key-0123456789abcdef";
    public const string Control = "control-key-0123456789abcdef";
    public const string Ingest = "ingest-key-0123456789abcdef";

    public static ApiKeySet Set { get; } = ApiKeySet.From(
    [
        ("admin", Admin, ApiScopes.All),
        ("read", Read, ApiScopes.Read),
        ("control", Control, ApiScopes.Control),
        ("ingest", Ingest, ApiScopes.Ingest),
    ]);
}
