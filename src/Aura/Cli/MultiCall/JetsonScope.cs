using Aura.Server.Jetson;

namespace Aura.Cli.MultiCall;

/// <summary>
/// JetsonScope's names. <c>jscoped</c> is `aura serve` on JetsonScope's socket, <c>/tmp/jetsonscope.sock</c>;
/// <c>jscopectl</c> and the <c>jetson_scope_*</c> helpers ask the daemon there, falling back to the legacy
/// <c>/tmp/tegrastats.sock</c>. <c>JETSONSCOPE_SOCKET_PATH</c> (or <c>TEGRA_SOCKET_PATH</c>) and <c>--socket</c> win, as
/// before. The directory is <c>$TMPDIR</c> when that is set, so tests (and users with a private temp directory) never
/// touch the shared <c>/tmp</c> one.
/// </summary>
internal static class JetsonScope
{
    public const string LegacyFileName = "tegrastats.sock";

    /// <summary>
    /// `aura serve` on JetsonScope's socket. On the default path it also answers on the legacy <c>tegrastats.sock</c> in
    /// the same directory, for clients still configured with it (made only where that is safe; see ServerOptions).
    /// </summary>
    public static string[] Daemon(string[] args, Func<string, string?> getVariable) =>
        DefaultSocket(args, getVariable, [SocketPaths.FileName]) is [_, var socket]
            ? ["serve", .. args, "--socket", socket, "--legacy-socket", Path.Join(Path.GetDirectoryName(socket), LegacyFileName)]
            : ["serve", .. args];

    /// <summary>jscopectl's commands; with none it asks for stats, as JetsonScope's did.</summary>
    public static string[] Control(string[] args, Func<string, string?> getVariable)
    {
        if (args is [var flag] && flag is "-h" or "--help" or "--version")
        {
            return [flag];
        }

        var (command, rest) = args is [var first, .. var others] ? (first, others) : ("stats", []);
        return command switch
        {
            "stats" or "meta" or "health" or "list" or "set" =>
                [JscopectlCommand.Name, command, .. rest, .. DefaultSocket(rest, getVariable, [SocketPaths.FileName, LegacyFileName])],
            _ => throw new UsageException($"jscopectl: unknown command '{command}'; use stats, meta, list, set NAME VALUE or health"),
        };
    }

    public static string[] Helper(string name, string[] args, Func<string, string?> getVariable) =>
        [LegacyHelperCommand.Name, name, .. args, .. DefaultSocket(args, getVariable, [SocketPaths.FileName, LegacyFileName])];

    /// <summary>JetsonScope's temp directory: <c>$TMPDIR</c> when it is an absolute path, else <c>/tmp</c>.</summary>
    public static string TempDirectory(Func<string, string?> getVariable) =>
        getVariable("TMPDIR") is { Length: > 0 } tmp && Path.IsPathRooted(tmp) ? tmp : "/tmp";

    /// <summary>
    /// <c>--socket</c> with JetsonScope's default, unless the command line or a variable names the socket. Of several
    /// candidates the first that exists wins, else the first.
    /// </summary>
    private static string[] DefaultSocket(string[] args, Func<string, string?> getVariable, string[] names)
    {
        if (Array.Exists(args, a => a == "--socket" || a.StartsWith("--socket=", StringComparison.Ordinal))
            || !string.IsNullOrEmpty(getVariable(SocketPaths.Variable)) || !string.IsNullOrEmpty(getVariable(SocketPaths.LegacyVariable)))
        {
            return [];
        }

        var directory = TempDirectory(getVariable);
        foreach (var name in names)
        {
            var candidate = Path.Join(directory, name);
            if (File.Exists(candidate))
            {
                return ["--socket", candidate];
            }
        }

        return ["--socket", Path.Join(directory, names[0])];
    }
}
