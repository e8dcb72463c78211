using System.Text.Json.Serialization;

namespace Aura.Agent.Screen;

/// <summary>One of AuraOS's <c>changed_regions</c>.</summary>
public sealed record RegionJson(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);
