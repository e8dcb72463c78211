using System.Text.Json.Serialization;

namespace Aura.Agent.Checks;

/// <summary>One probe's outcome after its retries, as logged.</summary>
public sealed record ProbeResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("detail")] string Detail);
