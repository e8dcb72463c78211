using System.Globalization;
using Aura.Core.Config;
using Aura.Server.Auth;

namespace Aura.Server.Hosting;

/// <summary>
/// Reads <c>[server]</c> from <c>aura.toml</c>. Keys come in two forms: Argus's <c>api_keys = ["..."]</c>, each with
/// every scope, and scoped lists under <c>[server.keys]</c>, e.g. <c>read = ["k1"]</c> and <c>control = ["k2"]</c>.
/// </summary>
public static class ServerSettingsReader
{
    private const string Table = "server";

    /// <exception cref="ConfigException">A setting has the wrong type or an invalid value; the message names the file and line.</exception>
    public static ServerSettings Read(AuraConfig config)
    {
        if (Section(config) is not { } where)
        {
            return ServerSettings.None;
        }

        return new ServerSettings
        {
            Host = ReadString(where, "host"),
            Port = ReadPort(where),
            IntervalSeconds = ReadInterval(where),
            SocketPath = ReadString(where, "socket_path") is { } socket
                ? Path.GetFullPath(HomePath.Expand(socket, config.HomeDirectory), Path.GetDirectoryName(config.ConfigFile) ?? Environment.CurrentDirectory)
                : null,
            Keys = ReadKeys(where),
            MetricsToken = ReadString(where, "metrics_token"),
            CorsOrigins = [.. ReadOrigins(where, "cors_origins") ?? []],
            LiveStatsOrigins = ReadOrigins(where, "live_stats_origins") is { } live ? [.. live] : null,
            HostName = ReadString(where, "host_name"),
        };
    }

    /// <summary>
    /// The key a command-line client presents for <paramref name="scope"/>: the first one in <c>[server]</c> that carries
    /// it (or admin), <c>api_keys</c> before <c>[server.keys]</c>; null when none does.
    /// </summary>
    /// <exception cref="ConfigException">The keys are malformed; the message names the file and line.</exception>
    public static string? ClientKey(AuraConfig config, ApiScopes scope)
    {
        if (Section(config) is not { } where)
        {
            return null;
        }

        foreach (var (_, secret, scopes) in ReadKeyEntries(where))
        {
            if (scopes.HasFlag(ApiScopes.Admin) || (scopes & scope) == scope)
            {
                return secret;
            }
        }

        return null;
    }

    private static Where? Section(AuraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var file = config.ConfigFile ?? "aura.toml";
        if (!config.Toml.TryGetValue(Table, out var section))
        {
            return null;
        }

        return section is TomlTable server
            ? new Where(file, server)
            : throw new ConfigException($"{file} line {config.Toml.LineOf(Table)}: {Table} must be a table");
    }

    private static int? ReadPort(Where where)
    {
        if (!where.Table.TryGetValue("port", out var value))
        {
            return null;
        }

        return value is long port and >= 1 and <= 65535
            ? (int)port
            : throw where.Error("port", "must be an integer from 1 to 65535");
    }

    private static double? ReadInterval(Where where)
    {
        if (!where.Table.TryGetValue("interval", out var value))
        {
            return null;
        }

        double seconds = value switch
        {
            long integer => integer,
            double real => real,
            _ => throw where.Error("interval", "must be a number of seconds"),
        };
        return double.IsFinite(seconds) && seconds >= 0.05 && seconds <= 3600
            ? seconds
            : throw where.Error("interval", $"must be from 0.05 to 3600 seconds, not {seconds.ToString(CultureInfo.InvariantCulture)}");
    }

    private static ApiKeySet ReadKeys(Where where) => ApiKeySet.From(ReadKeyEntries(where));

    private static List<(string Name, string Secret, ApiScopes Scopes)> ReadKeyEntries(Where where)
    {
        var keys = new List<(string, string, ApiScopes)>();
        if (ReadStrings(where, "api_keys") is { } all)
        {
            for (var i = 0; i < all.Count; i++)
            {
                keys.Add(Checked(where, "api_keys", i, all[i], ApiScopes.All));
            }
        }

        if (where.Table.TryGetValue("keys", out var scoped))
        {
            if (scoped is not TomlTable byScope)
            {
                throw where.Error("keys", "must be a table of scope = [\"key\", ...]");
            }

            var inner = new Where(where.File, byScope, $"{Table}.keys");
            foreach (var scopeName in byScope.Keys)
            {
                var scope = ApiScopeNames.Parse(scopeName)
                    ?? throw inner.Error(scopeName, $"is not a scope; use one of {string.Join(", ", ApiScopeNames.All)}");
                var list = ReadStrings(inner, scopeName)!;
                for (var i = 0; i < list.Count; i++)
                {
                    keys.Add(Checked(inner, scopeName, i, list[i], scope));
                }
            }
        }

        return keys;
    }

    private static (string, string, ApiScopes) Checked(Where where, string key, int index, string secret, ApiScopes scopes)
    {
        var name = $"{where.Prefix}.{key}[{index}]";
        return secret.Length >= ApiKeySet.MinimumKeyLength && !string.IsNullOrWhiteSpace(secret)
            ? (name, secret, scopes)
            : throw where.Error(key, $"entry {index} is too short: an API key needs at least {ApiKeySet.MinimumKeyLength} characters (`aura config init` makes one)");
    }

    private static string? ReadString(Where where, string key)
    {
        if (!where.Table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is string text && !string.IsNullOrWhiteSpace(text) ? text : throw where.Error(key, "must be a non-empty string");
    }

    private static List<string>? ReadOrigins(Where where, string key)
    {
        var origins = ReadStrings(where, key);
        foreach (var origin in origins ?? [])
        {
            if (Cors.OriginPattern.Problem(origin) is { } problem)
            {
                throw where.Error(key, problem);
            }
        }

        return origins;
    }

    private static List<string>? ReadStrings(Where where, string key)
    {
        if (!where.Table.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is not IReadOnlyList<object> items)
        {
            throw where.Error(key, "must be an array of strings");
        }

        var strings = new List<string>(items.Count);
        foreach (var item in items)
        {
            strings.Add(item as string ?? throw where.Error(key, "must be an array of strings"));
        }

        return strings;
    }

    private sealed record Where(string File, TomlTable Table, string Prefix = Table)
    {
        public ConfigException Error(string key, string problem) =>
            new($"{File} line {Table.LineOf(key)}: {Prefix}.{key} {problem}");
    }
}
