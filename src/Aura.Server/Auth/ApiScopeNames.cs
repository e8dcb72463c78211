namespace Aura.Server.Auth;

/// <summary>The scope names <c>aura.toml</c> and error messages use.</summary>
public static class ApiScopeNames
{
    public static IReadOnlyList<string> All { get; } = ["read", "ingest", "control", "agent", "admin"];

    public static ApiScopes? Parse(string name) => name switch
    {
        "read" => ApiScopes.Read,
        "ingest" => ApiScopes.Ingest,
        "control" => ApiScopes.Control,
        "agent" => ApiScopes.Agent,
        "admin" => ApiScopes.Admin,
        _ => null,
    };

    public static string Name(ApiScopes scope) => scope switch
    {
        ApiScopes.Read => "read",
        ApiScopes.Ingest => "ingest",
        ApiScopes.Control => "control",
        ApiScopes.Agent => "agent",
        ApiScopes.Admin => "admin",
        _ => scope.ToString(),
    };
}
