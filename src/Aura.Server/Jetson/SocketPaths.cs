namespace Aura.Server.Jetson;

/// <summary>
/// Where the JetsonScope socket lives: <c>--socket</c>, else <c>JETSONSCOPE_SOCKET_PATH</c> (or its legacy
/// <c>TEGRA_SOCKET_PATH</c>), else <c>server.socket_path</c> in <c>aura.toml</c>, else a per-user runtime path:
/// systemd's <c>RUNTIME_DIRECTORY</c>, then <c>$XDG_RUNTIME_DIR/aura/</c>, then <c>/tmp/aura-USER/</c>.
/// </summary>
public static class SocketPaths
{
    public const string Variable = "JETSONSCOPE_SOCKET_PATH";

    public const string LegacyVariable = "TEGRA_SOCKET_PATH";

    public const string FileName = "jetsonscope.sock";

    public static string Resolve(string? flag, Func<string, string?> getVariable) => Resolve(flag, null, getVariable);

    public static string Resolve(string? flag, string? configured, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (!string.IsNullOrEmpty(flag))
        {
            return Path.GetFullPath(flag);
        }

        if ((NonEmpty(getVariable(Variable)) ?? NonEmpty(getVariable(LegacyVariable))) is { } named)
        {
            return Path.GetFullPath(named);
        }

        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        // systemd's RuntimeDirectory= may list several directories, separated by colons; the first is ours.
        if (NonEmpty(getVariable("RUNTIME_DIRECTORY")) is { } systemd)
        {
            return Path.Join(systemd.Split(':')[0], FileName);
        }

        if (NonEmpty(getVariable("XDG_RUNTIME_DIR")) is { } runtime && Path.IsPathRooted(runtime))
        {
            return Path.Join(runtime, "aura", FileName);
        }

        return Path.Join(Path.GetTempPath(), "aura-" + Environment.UserName, FileName);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
