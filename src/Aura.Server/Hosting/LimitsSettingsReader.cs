using Aura.Core.Config;

namespace Aura.Server.Hosting;

/// <summary>
/// Argus's <c>[limits]</c>: <c>max_payload_size_kb</c> (the largest event body, 1 to 16384 KB, default 512) and
/// <c>max_query_limit</c> (most events a query returns, 1 to 10000, default 1000), applied to <see cref="ServerLimits"/>.
/// </summary>
public static class LimitsSettingsReader
{
    public const int MaxPayloadKb = 16 * 1024;

    public const int MaxQueryLimit = 10_000;

    /// <exception cref="ConfigException">A value is not a whole number in its range; the message names the file, line and key.</exception>
    public static ServerLimits Apply(ServerLimits limits, AuraConfig config)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(config);
        var file = config.ConfigFile ?? "aura.toml";
        if (!config.Toml.TryGetValue("limits", out var section))
        {
            return limits;
        }

        var table = section as TomlTable ?? throw new ConfigException($"{file} line {config.Toml.LineOf("limits")}: limits must be a table");
        if (Read(table, file, "max_payload_size_kb", MaxPayloadKb) is { } kb)
        {
            var bytes = (int)kb * 1024;
            limits = limits with { MaxEventBodyBytes = bytes, MaxRequestBodyBytes = Math.Max(limits.MaxRequestBodyBytes, bytes) };
        }

        if (Read(table, file, "max_query_limit", MaxQueryLimit) is { } count)
        {
            limits = limits with { MaxEventQueryLimit = (int)count };
        }

        return limits;
    }

    private static long? Read(TomlTable table, string file, string key, long max)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is long number and >= 1 && number <= max
            ? number
            : throw new ConfigException($"{file} line {table.LineOf(key)}: limits.{key} must be a whole number from 1 to {max}");
    }
}
