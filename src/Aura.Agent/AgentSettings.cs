namespace Aura.Agent;

/// <summary>The <c>[agent]</c> table of <c>aura.toml</c>; null where the file does not set a value.</summary>
public sealed record AgentSettings
{
    public static AgentSettings None { get; } = new();

    /// <summary>Serve the action server inside `aura serve` at <c>/ws/agent</c>.</summary>
    public bool Enabled { get; init; }

    public string? Display { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? ScreenshotDir { get; init; }

    /// <summary>Record screen activity as DVR series inside `aura serve` (default on when enabled and a display is set).</summary>
    public bool? RecordScreen { get; init; }
}
