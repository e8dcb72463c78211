using System.Text.Json.Serialization;
using Aura.Agent.Screen;

namespace Aura.Agent.Actions;

/// <summary>
/// AuraOS's answer, <c>{"success":true,"action":..}</c> or <c>{"success":false,"error":".."}</c>, plus <c>field</c> on
/// refusals, <c>path</c> (and the inline PNG) for screenshots and the delta for <c>diff</c>.
/// </summary>
public sealed record ActionAnswer
{
    [JsonPropertyName("success")]
    public required bool Success { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("field")]
    public string? Field { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("width")]
    public int? Width { get; init; }

    [JsonPropertyName("height")]
    public int? Height { get; init; }

    /// <summary>The screenshot as base64 PNG, when asked for with <c>"inline":true</c>.</summary>
    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("diff")]
    public DiffReport? Diff { get; init; }

    public static ActionAnswer Ok(string action) => new() { Success = true, Action = action };

    public static ActionAnswer Refused(string? action, ActionError error) =>
        new() { Success = false, Action = action, Error = error.Error, Field = error.Field };
}
