using Aura.Core.Config;
using Aura.Server.Auth;
using Aura.Server.Hosting;

namespace Aura.Cli.Events;

/// <summary>
/// Where the daemon is and the key to show it: <c>AURA_API_KEY</c>, else the first key in <c>aura.toml</c> that carries
/// the scope the command needs (<c>[server] api_keys</c> hold every scope; <c>[server.keys]</c> lists keys per scope).
/// </summary>
internal sealed record EventsDaemon(Uri Url, string Key)
{
    public const string KeyVariable = "AURA_API_KEY";

    /// <summary>The daemon and its key; with <paramref name="keyRequired"/> false a missing key is "" (reads that loopback leaves open).</summary>
    public static EventsDaemon Resolve(string? host, string? port, string? configFile, string scope, bool keyRequired = true)
    {
        var address = DaemonAddress.Resolve(host, port, configFile: configFile);
        var key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } variable ? variable : KeyFrom(address.Config, scope)
            ?? (keyRequired ? null : "")
            ?? throw new EventsClientException(
                $"no API key with the '{scope}' scope: set {KeyVariable}, or add one to {address.Config.ConfigFile ?? "aura.toml"} (`aura config init` makes one)");
        return new EventsDaemon(address.Http, key);
    }

    public Uri Http(string pathAndQuery) => new(Url, pathAndQuery);

    public Uri WebSocket(string path) => new UriBuilder(new Uri(Url, path)) { Scheme = Url.Scheme == "https" ? "wss" : "ws" }.Uri;

    /// <summary>The first key in aura.toml's <c>[server]</c> that carries <paramref name="scope"/> (the daemon's own reading of it).</summary>
    internal static string? KeyFrom(AuraConfig config, string scope) =>
        ServerSettingsReader.ClientKey(config, ApiScopeNames.Parse(scope) ?? throw new ArgumentException($"unknown scope '{scope}'", nameof(scope)));
}
