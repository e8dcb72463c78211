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

    /// <summary>Every scope in <paramref name="scopes"/> by name, e.g. <c>read, control</c>; admin alone when it is there (it includes the rest).</summary>
    public static string List(ApiScopes scopes)
    {
        if (scopes.HasFlag(ApiScopes.Admin))
        {
            return "admin (every scope)";
        }

        var names = new List<string>();
        foreach (var name in All)
        {
            if (scopes.HasFlag(Parse(name)!.Value))
            {
                names.Add(name);
            }
        }

        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

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
