namespace Aura.Cli.MultiCall;

/// <summary>
/// The multi-call table: each earlier tool's program name and how its command line becomes an `aura` command line.
/// The packages install these names as links to `aura`; a name not listed here (`aura` itself, `aura-1.2`) is `aura`.
/// </summary>
internal static class Personas
{
    public static string[] Rewrite(string invokedAs, string[] args, Func<string, string?> getVariable) => invokedAs switch
    {
        "aura-gui" => ["gui", .. args],
        "widgets-service" => WidgetsService.Rewrite(args),
        "argus" => Argus.Rewrite(args, getVariable),
        "jscoped" => JetsonScope.Daemon(args, getVariable),
        "jscopectl" => JetsonScope.Control(args, getVariable),
        "jscope" => JetsonScope.Ui(args, getVariable),
        "jetson_scope_release" => JetsonScope.Helper("release", args, getVariable),
        "jetson_scope_swap" => JetsonScope.Helper("swap", args, getVariable),
        "jetson_scope_env" => JetsonScope.Helper("env", args, getVariable),
        "jetson_scope_snapshot" => JetsonScope.Helper("snapshot", args, getVariable),
        _ => args,
    };

    /// <summary>The names above, for `aura --help` and the packages that make the links.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["aura-gui", "widgets-service", "argus", "jscoped", "jscopectl", "jscope", "jetson_scope_release", "jetson_scope_swap", "jetson_scope_env", "jetson_scope_snapshot"];
}
