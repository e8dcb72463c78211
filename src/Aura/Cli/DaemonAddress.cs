using System.Globalization;
using System.Net;
using Aura.Core.Config;
using Aura.Server.Hosting;
using Aura.Server.Jetson;

namespace Aura.Cli;

/// <summary>
/// Where the CLI clients (`aura status`, `stats|meta|health`, `controls`, `events`, `gui`, `agent check`, `aura top`)
/// find the running daemon, worked out one way for all of them. HTTP: <c>--host</c>/<c>--port</c>, else
/// <c>[server] host</c>/<c>port</c> in aura.toml, else 127.0.0.1:8765; a daemon bound to every interface is reached on
/// loopback. Socket: <c>--socket</c>, else JETSONSCOPE_SOCKET_PATH (or TEGRA_SOCKET_PATH), else <c>[server] socket</c>,
/// else the per-user runtime path. <see cref="Config"/> is the aura.toml it was read from (the clients' keys are there).
/// </summary>
internal sealed record DaemonAddress(string Host, int Port, string Socket, AuraConfig Config)
{
    /// <summary>The daemon's HTTP root, e.g. <c>http://127.0.0.1:8765/</c>.</summary>
    public Uri Http
    {
        get
        {
            var address = HostAddress.Parse(Host);
            if (address.Equals(IPAddress.Any))
            {
                address = IPAddress.Loopback;
            }
            else if (address.Equals(IPAddress.IPv6Any))
            {
                address = IPAddress.IPv6Loopback;
            }

            return new UriBuilder("http", address.ToString(), Port).Uri;
        }
    }

    /// <summary>Reads aura.toml (<paramref name="configFile"/>, else AURA_CONFIG, else the platform default), then applies the flags.</summary>
    public static DaemonAddress Resolve(string? host = null, string? port = null, string? socket = null, string? configFile = null) =>
        From(AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: configFile), ProcessEnvironment.Current()), host, port, socket);

    /// <summary>The address from an aura.toml already read, with the flags given (null where not).</summary>
    public static DaemonAddress From(AuraConfig config, string? host = null, string? port = null, string? socket = null)
    {
        var settings = ServerSettingsReader.Read(config);
        return new DaemonAddress(
            host ?? settings.Host ?? "127.0.0.1",
            PortNumber(port) ?? settings.Port ?? ServerOptions.DefaultPort,
            SocketPaths.Resolve(socket, settings.SocketPath, Environment.GetEnvironmentVariable),
            config);
    }

    private static int? PortNumber(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new UsageException($"--port must be a whole number from 1 to 65535, not '{text}'");
    }
}
