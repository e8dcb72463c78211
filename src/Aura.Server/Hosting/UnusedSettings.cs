using Aura.Core.Config;

namespace Aura.Server.Hosting;

/// <summary>
/// The keys of an Argus config file that Aura reads no meaning from (<c>[web_ui] title</c>, <c>[logging] level</c>, or a
/// key Argus never had in the tables it shares with Aura), so `aura serve` can name them in one warning line instead of
/// ignoring them silently.
/// </summary>
public static class UnusedSettings
{
    private static readonly Dictionary<string, string[]> ArgusTables = new(StringComparer.Ordinal)
    {
        ["database"] = ["path"],
        ["retention"] = ["days", "cleanup_time", "vacuum_after_cleanup"],
        ["limits"] = ["max_payload_size_kb", "max_query_limit"],
        ["web_ui"] = [],
        ["logging"] = [],
    };

    public static IReadOnlyList<string> Find(AuraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var unused = new List<string>();
        foreach (var (name, value) in config.Toml)
        {
            if (!ArgusTables.TryGetValue(name, out var used))
            {
                continue;
            }

            if (value is not TomlTable table)
            {
                unused.Add(name);
                continue;
            }

            foreach (var key in table.Keys)
            {
                if (Array.IndexOf(used, key) < 0)
                {
                    unused.Add($"{name}.{key}");
                }
            }
        }

        return unused;
    }

    /// <summary>One line naming every unused key, or null when there is none.</summary>
    public static string? Warning(AuraConfig config)
    {
        var unused = Find(config);
        return unused.Count == 0 ? null : $"{config.ConfigFile ?? "aura.toml"}: Aura does not use {string.Join(", ", unused)}; ignoring {(unused.Count == 1 ? "it" : "them")}";
    }
}
