using Aura.Core.Config;

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
        var key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } variable ? variable : KeyFrom(address.Config.Toml, scope)
            ?? (keyRequired ? null : "")
            ?? throw new EventsClientException(
                $"no API key with the '{scope}' scope: set {KeyVariable}, or add one to {address.Config.ConfigFile ?? "aura.toml"} (`aura config init` makes one)");
        return new EventsDaemon(address.Http, key);
    }

    public Uri Http(string pathAndQuery) => new(Url, pathAndQuery);

    public Uri WebSocket(string path) => new UriBuilder(new Uri(Url, path)) { Scheme = Url.Scheme == "https" ? "wss" : "ws" }.Uri;

    internal static string? KeyFrom(TomlTable toml, string scope)
    {
        if (!toml.TryGetValue("server", out var s) || s is not TomlTable server)
        {
            return null;
        }

        if (server.TryGetValue("api_keys", out var all) && all is IReadOnlyList<object> { Count: > 0 } list && list[0] is string first)
        {
            return first;
        }

        if (server.TryGetValue("keys", out var k) && k is TomlTable keys)
        {
            foreach (var name in new[] { scope, "admin" })
            {
                if (keys.TryGetValue(name, out var scoped) && scoped is IReadOnlyList<object> { Count: > 0 } items && items[0] is string key)
                {
                    return key;
                }
            }
        }

        return null;
    }
}
