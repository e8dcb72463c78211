using System.Text.Json.Serialization;

namespace Aura.Agent.Checks;

/// <summary>One run of `aura agent check`: one JSON line in the log.</summary>
public sealed record CheckReport(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("exit_code")] int ExitCode,
    [property: JsonPropertyName("probes")] IReadOnlyList<ProbeResult> Probes);
