using Aura.Core.Config;

namespace Aura.Agent;

/// <summary>Reads <c>[agent]</c> from <c>aura.toml</c>: enabled, display, host, port, screenshot_dir, record_screen.</summary>
public static class AgentSettingsReader
{
    private const string Table = "agent";

    /// <exception cref="ConfigException">A value has the wrong type; the message names the file and line.</exception>
    public static AgentSettings Read(AuraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var file = config.ConfigFile ?? "aura.toml";
        if (!config.Toml.TryGetValue(Table, out var section))
        {
            return AgentSettings.None;
        }

        if (section is not TomlTable agent)
        {
            throw new ConfigException($"{file} line {config.Toml.LineOf(Table)}: {Table} must be a table");
        }

        ConfigException Error(string key, string problem) => new($"{file} line {agent.LineOf(key)}: {Table}.{key} {problem}");

        bool? Bool(string key) => !agent.TryGetValue(key, out var v) ? null : v as bool? ?? throw Error(key, "must be true or false");
        string? Text(string key) => !agent.TryGetValue(key, out var v) ? null : v is string { Length: > 0 } s ? s : throw Error(key, "must be a non-empty string");

        int? port = null;
        if (agent.TryGetValue("port", out var p))
        {
            port = p is long value and >= 1 and <= 65535 ? (int)value : throw Error("port", "must be an integer from 1 to 65535");
        }

        return new AgentSettings
        {
            Enabled = Bool("enabled") ?? false,
            Display = Text("display"),
            Host = Text("host"),
            Port = port,
            ScreenshotDir = Text("screenshot_dir"),
            RecordScreen = Bool("record_screen"),
        };
    }
}
